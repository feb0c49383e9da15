/// The parts of a record the index keeps apart, with their BM25F weights
/// (title > people > keywords > abstract > body).
public enum SearchField: Int, CaseIterable, Sendable {
    case title, people, keywords, abstract, body, venue

    public var weight: Float {
        switch self {
        case .title: return 5
        case .people: return 3.5
        case .keywords: return 2.5
        case .abstract: return 1
        case .body: return 0.8
        case .venue: return 1.2
        }
    }

    /// The query-language name (`author:` covers authors and speakers).
    public var queryName: String {
        switch self {
        case .people: return "author"
        default: return String(describing: self)
        }
    }

    /// Calls `body` with each text of the record in this field, without
    /// building arrays (the index visits every record this way).
    @inline(__always)
    func forEachText(of record: Record, _ body: (String) -> Void) {
        switch self {
        case .title:
            body(record.title)
            for translation in record.translations { if let title = translation.title { body(title) } }
        case .people:
            // No array made of the lists, nor of a person's parts: the index visits every record.
            func each(_ people: [Person]) {
                for person in people {
                    if let given = person.given { body(given) }
                    if let family = person.family { body(family) }
                    if let literal = person.literal { body(literal) }
                    if let affiliation = person.affiliation { body(affiliation) }
                }
            }
            each(record.authors)
            each(record.editors)
            each(record.translators)
            each(record.speakers)
        case .keywords:
            for keyword in record.keywords { body(keyword) }
        case .abstract:
            if let abstract = record.abstract { body(abstract) }
            if let bio = record.bio { body(bio) }
            for translation in record.translations { if let abstract = translation.abstract { body(abstract) } }
        case .body:
            if let text = record.body { body(text) }
        case .venue:
            if let container = record.container { body(container) }
            if let publisher = record.publisher { body(publisher) }
            if let location = record.location { body(location) }
            // A bare year in a query ("2016") finds the records of that year.
            if let year = record.year { body(String(year)) }
        }
    }

    /// The texts of a record that belong to this field.
    public func texts(of record: Record) -> [String] {
        var texts: [String] = []
        forEachText(of: record) { texts.append($0) }
        return texts
    }

    /// Bits per field in a packed term-frequency word; frequencies cap at 31.
    static let bits = 5

    /// Where the field's count sits in the packed word: the commonest
    /// fields lowest, so that most packed words are one varint byte.
    var shift: UInt32 {
        switch self {
        case .abstract: return 0
        case .body: return 5
        case .title: return 10
        case .keywords: return 15
        case .people: return 20
        case .venue: return 25
        }
    }
}
