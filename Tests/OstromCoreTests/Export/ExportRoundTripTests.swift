import SyntheticLibrary
import Testing
@testable import OstromCore

/// Importing what an exporter wrote gives the same records back, on the
/// seeds, on a generated library and on a record full of characters that
/// BibTeX, LaTeX and Markdown treat specially.
@Suite struct ExportRoundTripTests {
    enum Format: CaseIterable {
        case bibtex, ris, csljson

        func write(_ records: [Record]) -> (path: String, text: String) {
            switch self {
            case .bibtex: ("export.bib", BibTeXExporter.text(of: records))
            case .ris: ("export.ris", RISExporter.text(of: records))
            case .csljson: ("export.json", CSLJSONExporter.value(of: records).serialized())
            }
        }
    }

    /// What a reference carries, the way an exporter should keep it.
    struct Reference: Equatable, CustomStringConvertible {
        var id, title: String
        var people, editors, translators: [String]
        var date: PartialDate?
        var container, volume, issue, pages, publisher, place, doi, url, language, abstract: String?
        var issn, keywords: [String]

        init(_ record: Record) {
            id = record.citationKey ?? record.id
            title = record.title
            let name = { (person: Person) in "\(person.family ?? "-")|\(person.given ?? "-")|\(person.suffix ?? "-")|\(person.literal ?? "-")" }
            people = record.people.map(name)
            editors = record.editors.map(name)
            translators = record.translators.map(name)
            date = ExportText.date(of: record)
            (container, volume, issue, pages) = (record.container, record.volume, record.issue, record.pages)
            (publisher, place, doi, url, language) = (record.publisher, record.publisherPlace, record.doi, record.url, record.language)
            abstract = record.abstract.map(\.whitespaceNormalised)
            issn = record.issn
            keywords = record.keywords.reduce(into: []) { seen, keyword in if !seen.contains(keyword) { seen.append(keyword) } }
        }

        var description: String { "\(id): \(title) \(people) \(String(describing: date)) \(container ?? "")" }
    }

    static func reimport(_ records: [Record], as format: Format) throws -> [Record] {
        let (path, text) = format.write(records)
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: path, text: text))
        #expect(result.diagnostics.isEmpty, "\(format): \(result.diagnostics)")
        var back = result.records
        RecordIdentifiers.assign(&back)
        return back
    }

    static let tricky: Record = {
        var record = Record(id: "tricky-2021", kind: .paper, title: "Costs & benefits: 50% of {users}, $5, #1_a \\ ~ ^ -- café 合作")
        record.citationKey = "tricky-2021"
        record.type = "chapter"
        record.authors = [
            Person(family: "van der Berg", given: "Jan"), Person(family: "Müller-Lüdenscheidt", given: "Jean-Paul"),
            Person(literal: "World Health Organization"), Person(family: "King", given: "Martin Luther", suffix: "Jr."),
        ]
        record.editors = [Person(family: "Loeffler", given: "Elke"), Person(family: "Bovaird", given: "Tony")]
        record.translators = [Person(family: "Body", given: "Alison")]
        record.date = PartialDate(year: 2021, month: 11, day: 3)
        record.container = "Handbook of Co-Production"
        record.pages = "12-34"
        record.publisher = "Routledge"
        record.publisherPlace = "London & New York"
        record.doi = "10.4324/9781315204956-1"
        record.url = "https://example.org/co-production?a=1&b=50%25#part_2"
        record.issn = ["0020-8523"]
        record.language = "de"
        record.abstract = "Line one.\nLine two: 100% {braced}."
        record.keywords = ["co-production", "public value"]
        return record
    }()

    @Test(arguments: Format.allCases)
    func seedsComeBack(_ format: Format) throws {
        let records = Library.builtIn().records
        let back = try Self.reimport(records, as: format)
        #expect(back.map(Reference.init) == records.map(Reference.init))
    }

    @Test(arguments: Format.allCases)
    func generatedLibraryComesBack(_ format: Format) throws {
        let records = SyntheticLibrary.records(count: 300, seed: 7)
        let back = try Self.reimport(records, as: format)
        #expect(back.map(Reference.init) == records.map(Reference.init))
        #expect(back.map(\.type) == records.map(\.type))
    }

    @Test func specialCharactersComeBackFromBibTeX() throws {
        let back = try Self.reimport([Self.tricky], as: .bibtex)
        #expect(back.map(Reference.init) == [Reference(Self.tricky)])
        #expect(back.first?.type == "chapter")
    }

    @Test(arguments: [Format.ris, .csljson])
    func specialCharactersComeBack(_ format: Format) throws {
        #expect(try Self.reimport([Self.tricky], as: format).map(Reference.init) == [Reference(Self.tricky)])
    }

    /// Series editors: RIS (A3) and CSL-JSON (collection-editor) carry them; BibTeX has no field.
    @Test(arguments: [Format.ris, .csljson])
    func seriesEditorsComeBack(_ format: Format) throws {
        var record = Self.tricky
        record.seriesEditors = [Person(family: "Series", given: "Sam")]
        #expect(try Self.reimport([record], as: format).first?.seriesEditors == record.seriesEditors)
    }
}
