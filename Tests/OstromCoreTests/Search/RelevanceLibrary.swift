@testable import OstromCore

/// A small library of the field written for the relevance set: records
/// that a careful reader would want for its queries, and near misses that
/// they would not (`voluntary` for "volunteering", time and bank apart for
/// "time bank", a word met once in an abstract).
enum RelevanceLibrary {
    static let records: [Record] = [
        paper("rel-volunteer1", 2019, ["Hale, Ruth"], "Why volunteers stay: motivation and retention in community health services",
              "Drawing on interviews with sixty people who give their time to community health services, we examine what keeps them volunteering and what makes them leave."),
        paper("rel-volunteer2", 2017, ["Okafor, Chidi"], "Volunteering in public libraries after the cuts",
              "Libraries closed or handed to communities; we follow the people who now run them unpaid and the staff who remain."),
        paper("rel-volunteer3", 2021, ["Lindqvist, Maja"], "The volunteer as co-producer: rethinking unpaid work in social care",
              "Unpaid helpers in social care are often treated as a resource to manage; we argue they co-produce the service with professionals."),
        paper("rel-voluntary", 2015, ["Grant, Fiona"], "Voluntary sector contracts and the commissioning of care",
              "Charities bidding for local authority contracts face tight specifications and little room to shape the service."),
        paper("rel-particip1", 2012, ["Souza, Rafael"], "Participatory budgeting in Porto Alegre and beyond",
              "Residents deciding how part of a city budget is spent: the origins of the practice and its spread to Europe."),
        paper("rel-particip2", 2018, ["Burns, Alan"], "Who participates? Citizen participation in neighbourhood planning",
              "Neighbourhood plans drawn up by residents' forums attract older, richer home owners; we ask who is missing and why."),
        paper("rel-particip3", 2022, ["Mendes, Clara"], "Participation fatigue among service users",
              "Asked to sit on one board after another, people who use services grow tired of being consulted without seeing change."),
        paper("rel-health", 2016, ["Novak, Petra"], "Patient participation in chronic disease management",
              "Patients with diabetes who set their own goals with nurses kept to treatment longer; the clinic changed how it worked."),
        paper("rel-recip1", 2016, ["Seyfang, Gill"], "Reciprocity and trust in time banks",
              "Members of three time banks trade hours of help; reciprocity builds trust between neighbours who had never met."),
        paper("rel-recip2", 2020, ["Moore, Jane"], "Reciprocal relationships between professionals and carers",
              "Carers and social workers who treat each other as equals share knowledge; we describe how such relationships start."),
        paper("rel-recip3", 2019, ["Kerr, Ian"], "Asset-based approaches in adult social care",
              "Councils map what people can do rather than what they lack. One team spoke of reciprocity, most of budgets and eligibility."),
        paper("rel-timebank1", 2014, ["Gregory, Lee"], "Time banking in the United Kingdom: an evaluation",
              "An evaluation of forty time banking schemes: who joins, what hours are traded, and what it costs to run a broker."),
        paper("rel-timebank2", 2020, ["Walsh, Orla"], "A time bank for older people in a rural town",
              "Older residents swap lifts, shopping and company through a time bank run from the library."),
        paper("rel-timebank3", 2018, ["Price, Owen"], "Bank branch closures and the time it takes to reach services",
              "When the last bank in a town closes, residents spend more time travelling to reach cash and advice."),
        paper("rel-codesign1", 2019, ["Ahmed, Sara"], "Co-design of mental health services with young people",
              "Young people who had used services worked with clinicians to redesign the first appointment."),
        paper("rel-codesign2", 2021, ["Fischer, Lena"], "Codesigning digital services: lessons from local government",
              "Councils that built online forms with residents had fewer abandoned applications than those that tested them afterwards."),
        paper("rel-codesign3", 2015, ["Blake, Tom"], "From consultation to co-design: a typology",
              "We order the ways public bodies involve citizens in designing services, from being asked an opinion to designing together."),
        paper("rel-ostrom", 1996, ["Ostrom, Elinor"], "Crossing the great divide: coproduction, synergy and development",
              "Coproduction of public goods by citizens and government officials in Brazil and Nigeria, and why synergy arises in one and not the other."),
        paper("rel-ostrom2", 1990, ["Ostrom, Elinor"], "Governing the commons: the evolution of institutions for collective action",
              "Communities managing fisheries, forests and irrigation without state or market, and the design principles of lasting institutions."),
        paper("rel-parks", 1981, ["Parks, Roger B.", "Whitaker, Gordon P."], "Consumers as coproducers of public services: some economic and institutional considerations",
              "Regular producers and consumer producers both contribute to services; when their inputs are substitutes or complements."),
        paper("rel-pestoff", 2006, ["Pestoff, Victor"], "Citizens and co-production of welfare services: childcare in eight European countries",
              "Parent participation in childcare varies with the provider: parents in cooperatives take part far more than in municipal services."),
        paper("rel-bovaird", 2007, ["Bovaird, Tony"], "Beyond engagement and participation: user and community coproduction of public services",
              "Users and communities take on parts of service planning and delivery; this changes the roles of professionals and politicians."),
        paper("rel-alford", 2009, ["Alford, John"], "Engaging public sector clients: from service-delivery to co-production",
              "Why clients contribute their time and effort to public services: sanctions, material rewards, intrinsic and social motives."),
        paper("rel-brandsen", 2016, ["Brandsen, Taco", "Honingh, Marlies"], "Distinguishing different types of coproduction: a conceptual analysis based on the classical definitions",
              "A typology of coproduction by how close citizens are to the core of a service and whether they help design it."),
        paper("rel-voorberg", 2015, ["Voorberg, William", "Bekkers, Victor", "Tummers, Lars"], "A systematic review of co-creation and co-production: embarking on the social innovation journey",
              "A review of 122 studies of citizens co-creating public services, their goals, and what helps or hinders them."),
        paper("rel-needham", 2009, ["Needham, Catherine", "Carr, Sarah"], "Co-production: an emerging evidence base for adult social care transformation",
              "What the evidence says about co-production in adult social care, from compliance to transformation."),
        paper("rel-cahn", 2000, ["Cahn, Edgar"], "No more throw-away people: the co-production imperative",
              "Time dollars reward the work of caring for neighbours; a core economy of family and community sits beneath the market."),
        paper("rel-boyle", 2009, ["Boyle, David", "Harris, Michael"], "The challenge of co-production",
              "How equal and reciprocal relationships between professionals and the people they serve can transform public services."),
        paper("rel-policing", 2013, ["Tilley, Nick"], "Community policing and citizen coproduction of safety",
              "Neighbourhood watch, street patrols and reporting: what residents add to police work and where it goes wrong."),
        paper("rel-education", 2017, ["Reay, Diane"], "Parents as co-producers of education: homework, schools and class",
              "Middle-class parents help with homework and lobby schools; their children gain, and the gap with others widens."),
        paper("rel-digital", 2020, ["Linders, Dennis"], "Digital platforms and the coproduction of urban services",
              "Apps for reporting potholes and broken lights: who reports, which streets are fixed first, and what councils learn."),
        paper("rel-budget", 2012, ["Glasby, Jon"], "Personal budgets and the choice agenda in social care",
              "People given their own budget buy care they choose; some thrive, others are left to manage alone."),
        paper("rel-accountability", 2018, ["Bryson, John"], "Accountability in collaborative governance",
              "When agencies and citizens share decisions, to whom is each accountable? Cases from water management and health."),
        paper("rel-power", 2022, ["Farr, Michelle"], "Power and inequality in co-produced services",
              "Who speaks in co-production meetings, whose knowledge counts, and how facilitators can share power."),
        paper("rel-empower", 2011, ["Hardina, Donna"], "Empowering communities: rhetoric and reality",
              "Programmes promise to hand power to communities; we compare what was promised with what residents could decide."),
        paper("rel-peer", 2019, ["Repper, Julie"], "Peer support workers in mental health",
              "People with lived experience of mental illness employed to support others: their roles, training and tensions with staff."),
        paper("rel-trust", 2015, ["Lipsky, Anna"], "Trust between citizens and street-level bureaucrats",
              "Frontline workers who explain their decisions are trusted more; trust makes citizens more willing to help."),
        paper("rel-evaluation", 2021, ["Durose, Catherine"], "Evaluating co-production: measuring outcomes and costs",
              "How to evaluate co-produced services when outcomes are shared and slow: methods, measures and their limits."),
        paper("rel-commissioning", 2014, ["Loeffler, Elke"], "Co-commissioning services with citizens",
              "Citizens help decide which services to buy and from whom; examples from England and Germany."),
    ]

    private static func paper(_ id: String, _ year: Int, _ authors: [String], _ title: String, _ abstract: String) -> Record {
        var record = Record(id: id, kind: .paper, title: title)
        record.citationKey = id
        record.type = "article-journal"
        record.date = PartialDate(year: year)
        record.abstract = abstract
        record.authors = authors.map { name in
            let parts = name.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return Person(family: parts[0], given: parts.count > 1 ? parts[1] : nil)
        }
        return record
    }
}
