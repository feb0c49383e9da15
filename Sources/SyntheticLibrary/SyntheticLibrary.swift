import OstromCore

/// A realistic library made up deterministically from a seed: titles,
/// one to six authors (with diacritics), venues, years 1990–2025,
/// 150–250-word abstracts and keywords, in the field's vocabulary.
public enum SyntheticLibrary {
    public static func records(count: Int, seed: UInt64 = 2024) -> [Record] {
        var random = SplitMix64(seed: seed)
        var records: [Record] = []
        records.reserveCapacity(count)
        for index in 0..<count {
            var record = Record(id: "", kind: .paper, title: title(&random))
            record.type = "article-journal"
            record.authors = (0..<(1 + random.next(6))).map { _ in
                Person(family: families[random.next(families.count)], given: givens[random.next(givens.count)])
            }
            record.date = PartialDate(year: 1990 + random.next(36), month: 1 + random.next(12))
            record.container = venues[random.next(venues.count)]
            record.volume = String(1 + random.next(60))
            record.issue = String(1 + random.next(6))
            record.doi = "10.\(1000 + random.next(9000))/syn.\(index)"
            record.abstract = abstract(&random)
            record.keywords = (0..<(3 + random.next(4))).map { _ in domain[random.next(domain.count)] }
            records.append(record)
        }
        RecordIdentifiers.assign(&records)
        return records
    }

    static func title(_ random: inout SplitMix64) -> String {
        let words = (0..<(5 + random.next(9))).map { position in
            position % 3 == 0 ? domain[random.next(domain.count)] : word(&random)
        }
        return words.joined(separator: " ").capitalizedFirst
    }

    static func abstract(_ random: inout SplitMix64) -> String {
        var words = 0
        let target = 150 + random.next(101)
        var sentences: [String] = []
        while words < target {
            let length = 12 + random.next(14)
            let sentence = (0..<length).map { _ in random.next(5) == 0 ? domain[random.next(domain.count)] : word(&random) }
            sentences.append(sentence.joined(separator: " ").capitalizedFirst + ".")
            words += length
        }
        return sentences.joined(separator: " ")
    }

    /// A word drawn with a Zipf-like skew: common words far more often.
    static func word(_ random: inout SplitMix64) -> String {
        let rank = Int(Double(general.count) * pow01(random.unit(), 2.5))
        return general[min(general.count - 1, rank)]
    }

    private static func pow01(_ value: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var remaining = exponent
        var base = value
        while remaining >= 1 { result *= base; remaining -= 1 }
        if remaining > 0 { base = value.squareRoot(); result *= base }
        return result
    }

    static let domain = [
        "co-production", "coproduction", "co-design", "co-creation", "co-commissioning", "co-delivery", "co-assessment",
        "public services", "citizens", "service users", "professionals", "volunteers", "community", "communities",
        "participation", "engagement", "consultation", "accountability", "governance", "collaboration", "partnership",
        "people's", "well-being", "outcomes", "public value", "third sector", "non-profits", "civil society",
        "local government", "health care", "social care", "education", "policing", "housing", "time banking",
        "peer support", "assets", "capabilities", "reciprocity", "power", "trust", "empowerment", "deliberation",
        "user involvement", "personal budgets", "street-level bureaucracy", "new public governance", "innovation",
        "digital", "austerity", "inequality", "legitimacy", "democracy", "neighbourhood", "young people", "older people",
    ]

    static let general: [String] = """
        the of and in to a is that for on with as by this we are from be which an at or it these our study
        results findings analysis data research evidence approach model framework case cases role roles process
        between how what why more most new both their its within through across among how whether while also
        service services public policy policies practice practices local national government state organisations
        organizations professional professionals citizens users user community communities participation
        engagement relationship relationships power responsibility responsibilities outcomes outcome value
        values quality effectiveness efficiency performance management managers staff workers frontline
        delivery design planning commissioning assessment evaluation implementation institutional institutions
        theory theoretical empirical qualitative quantitative survey interviews interview questionnaire
        comparative comparison countries country europe england scotland finland germany sweden netherlands
        italy spain denmark norway australia canada japan china united states municipalities municipal
        regional urban rural social economic political cultural health care education housing police justice
        welfare work employment children young people families family older adults patients students
        teachers schools school hospital hospitals clinics volunteers voluntary volunteering third sector
        nonprofit charity charities association associations networks network collaborative collaboration
        partnership partnerships governance accountability transparency trust legitimacy democracy democratic
        deliberative decision decisions making shared sharing equal equality inequality inequalities
        resources resource funding budget budgets cost costs saving savings austerity reform reforms change
        changes changing culture cultures structure structures system systems level levels individual
        collective group groups motivation motivations barriers barrier drivers conditions context contexts
        conceptual concept concepts definition definitions typology literature review systematic scholars
        scholarship debate debates argue argues suggest suggests show shows demonstrate demonstrates explore
        explores examine examines investigate investigates identify identifies develop develops contribute
        contributes contribution implications important significant key central critical potential benefits
        risks challenges opportunities future further need needs however therefore thus finally overall
        digital technology technologies online platform platforms data driven innovation innovative
        experiment experimental design designs co-production co-design co-creation coproduction codesign
        citizen consumer consumers client clients customer customers provider providers producer producers
        """.split(whereSeparator: { $0.isWhitespace }).map(String.init)

    static let families = [
        "Müller", "Sørensen", "García", "Łukasiewicz", "Ó Briain", "Nováková", "Çelik", "Björk", "Dvořák", "Żółkowska",
        "Nguyễn", "Smith", "Jones", "Brandsen", "Pestoff", "Osborne", "Bovaird", "Loeffler", "Alford", "Nabatchi",
        "Sicilia", "Sancino", "Verschuere", "Steen", "Tuurnas", "Honingh", "Voorberg", "Bekkers", "Tummers", "Strokosch",
        "Radnor", "Fledderus", "Thomsen", "Jakobsen", "Andersen", "Van Ryzin", "Parrado", "Dunston", "Durose", "Needham",
        "Richardson", "Boyle", "Harris", "Cahn", "Ostrom", "Whitaker", "Percy", "Brudney", "England", "Sharp",
        "Lévesque", "Gonçalves", "Šimić", "Kovačević", "Østergaard", "Håkansson", "Jääskeläinen", "Ibáñez", "Ferreira", "Rossi",
    ]

    static let givens = [
        "Anna", "Jürgen", "Søren", "María", "José", "Łukasz", "Zoë", "Chloé", "François", "Björn", "Taco", "Victor",
        "Stephen", "Tony", "Elke", "John", "Tina", "Mariafrancesca", "Alessandro", "Bram", "Trui", "Sanna", "Marlies",
        "William", "Lars", "Kirsty", "Zoe", "Joost", "Catherine", "Liz", "Helen", "Edgar", "Elinor", "Gordon", "Jeffrey",
        "Hélène", "Inês", "Ivana", "Mette", "Åsa", "Päivi", "Íñigo", "Nguyên", "Chen", "Yuki", "Amara", "Kwame",
    ]

    static let venues = [
        "Public Administration Review", "Public Management Review", "Voluntary Sector Review",
        "International Review of Administrative Sciences", "Policy & Politics", "Journal of Social Policy",
        "VOLUNTAS", "Nonprofit and Voluntary Sector Quarterly", "Public Money & Management", "Local Government Studies",
        "Administration & Society", "Journal of Public Administration Research and Theory", "Governance",
        "Social Policy & Administration", "Health Expectations", "Policy Sciences", "Public Policy and Administration",
        "Australian Journal of Public Administration", "Journal of European Public Policy", "Zeitschrift für Sozialreform",
    ]
}

/// A small, fast, deterministic random number generator.
public struct SplitMix64 {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// 0 ..< bound.
    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// In [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
