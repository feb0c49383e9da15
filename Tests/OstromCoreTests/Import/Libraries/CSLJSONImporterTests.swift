import Testing
@testable import OstromCore
import SyntheticLibrary

@Suite struct CSLJSONImporterTests {
    static let items = """
        [
          {"id": "nabatchi2017varieties", "type": "article-journal",
           "title": "Varieties of participation in public services",
           "author": [{"family": "Nabatchi", "given": "Tina"}, {"family": "Sancino", "given": "Alessandro"}],
           "issued": {"date-parts": [[2017, 9]]},
           "container-title": "Public Administration Review", "volume": "77", "issue": "5", "page": "766–776",
           "DOI": "10.1111/puar.12765", "keyword": "coproduction, participation", "language": "en-US"},
          {"id": "nesta2012", "type": "report", "title": "People powered health",
           "author": [{"literal": "Nesta"}], "issued": {"raw": "2012-11"}},
          {"id": "untitled", "type": "book"}
        ]
        """

    @Test func arrayOfItems() throws {
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: "refs.json", text: Self.items))
        // CSL asks only for an id and a type: the untitled item is kept.
        #expect(result.records.map(\.citationKey) == ["nabatchi2017varieties", "nesta2012", "untitled"])
        #expect(result.records[2].title.isEmpty)
        let article = try #require(result.records.first)
        #expect(article.source?.format == "csl-json")
        #expect(article.authors == [Person(family: "Nabatchi", given: "Tina"), Person(family: "Sancino", given: "Alessandro")])
        #expect(article.date == PartialDate(year: 2017, month: 9))
        #expect(article.container == "Public Administration Review" && article.pages == "766-776")
        #expect(article.doi == "10.1111/puar.12765")
        #expect(article.keywords == ["coproduction", "participation"])
        #expect(result.records[1].authors == [Person(literal: "Nesta")])
        #expect(result.records[1].date == PartialDate(year: 2012, month: 11))
        #expect(result.diagnostics.map(\.description) == ["refs.json:10: warning: item 3 (untitled) has no title"])
    }

    /// Fields are found whatever their keys' case: exported as written
    /// (`DOI`), lowercased by another tool, or capitalised.
    @Test func fieldsAreFoundWhateverTheirKeysCase() throws {
        let text = """
            [{"id": "lower", "type": "article-journal", "Title": "Capitalised", "doi": "10.1/lower", "Container-Title": "Journal",
              "Author": [{"family": "Ostrom", "given": "Elinor"}], "Issued": {"date-parts": [[1996]]}},
             {"id": "upper", "type": "article-journal", "title": "Lower", "DOI": "10.1/upper", "URL": "https://example.org/upper",
              "EDITOR": [{"literal": "New Economics Foundation"}]}]
            """
        let records = DocumentRecognizer().importRecords(from: SourceDocument(path: "refs.json", text: text)).records
        #expect(records.map(\.title) == ["Capitalised", "Lower"] && records.map(\.doi) == ["10.1/lower", "10.1/upper"])
        #expect(records.first?.container == "Journal" && records.last?.url == "https://example.org/upper")
        // Names and dates too (they were read from the item itself, in lowercase only).
        #expect(records.first?.authors.first?.family == "Ostrom" && records.first?.year == 1996)
        #expect(records.last?.editors.first?.literal == "New Economics Foundation")
    }

    @Test func oneObjectAndNotTheMetadataPagesJSON() throws {
        let one = #"{"id": "x1", "type": "book", "title": "Governing the Commons", "author": [{"family": "Ostrom", "given": "Elinor"}], "issued": {"date-parts": [["1990"]]}}"#
        let record = try TestFiles.importOne(SourceDocument(path: "one.json", text: one))
        #expect(record.id == "x1" && record.year == 1990)
        #expect(try TestFiles.importOne(try TestFiles.fixture("metadata/json-translation.txt")).source?.format == "scholarly-metadata-page")
    }
}

/// CSL-JSON items as the CSL test suite, Zotero and pandoc write them.
@Suite struct CSLJSONFidelityTests {
    @Test func itemsWithOnlyIdAndTypeParticlesSuffixesAndMarkup() throws {
        let text = """
            [
              {"id": 1, "type": "book"},
              {"id": "ITEM-2", "type": "article-journal",
               "title": "The <i>Commons</i> and <span class=\\"nocase\\">CO<sub>2</sub></span>",
               "author": [
                 {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
                 {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                 {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                 {"given": "Prince"}
               ]}
            ]
            """
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: "items.json", text: text))
        #expect(result.records.map(\.citationKey) == ["1", "ITEM-2"])
        let item = result.records[1]
        #expect(item.title == "The Commons and CO2")
        #expect(item.authors == [Person(family: "van Beethoven", given: "Ludwig"), Person(family: "van Gogh", given: "Vincent"),
                                 Person(family: "King", given: "Martin Luther", suffix: "Jr."), Person(given: "Prince")])
        #expect(result.diagnostics.map(\.description) == ["items.json:2: warning: item 1 (1) has no title"])
        #expect(result.records[1].source?.bodyLine == 3)
    }
}

/// A CSL-JSON file that is not valid JSON as a whole loses only its bad items.
@Suite struct CSLJSONDamageTests {
    private func result(_ text: String) -> ImportResult {
        DocumentRecognizer().importRecords(from: SourceDocument(path: "items.json", text: text))
    }

    @Test func aCutOffFileKeepsItsWholeItemsAndSaysWhereItBreaks() {
        let cut = result("""
            [
              {"id": "a", "type": "book", "title": "First"},
              {"id": "b", "type": "book", "title": "Second"},
              {"id": "c", "type": "book", "title": "Thi
            """)
        #expect(cut.records.map(\.citationKey) == ["a", "b"])
        #expect(cut.diagnostics.map(\.description) == ["items.json:4: warning: item 3: the file ends inside this item; skipped"])
    }

    /// Text after the items is said, with its line, and the items load: after
    /// an array as after one object (each item is read on its own).
    @Test func textAfterTheItemsIsSaidAndTheItemsLoad() {
        let afterArray = result("""
            [
              {"id": "a", "type": "book", "title": "First"}
            ]
            written by hand
            """)
        #expect(afterArray.records.map(\.citationKey) == ["a"])
        #expect(afterArray.diagnostics.map(\.description) == ["items.json:4: warning: text after the items is not JSON; ignored"])
        let afterObject = result(#"{"id": "b", "type": "book", "title": "One"} , and more"#)
        #expect(afterObject.records.map(\.citationKey) == ["b"])
        #expect(afterObject.diagnostics.map(\.description) == ["items.json:1: warning: text after the items is not JSON; ignored"])
        // Objects one after another (as JSON lines) are items, not stray text.
        let lines = result(#"{"id": "c", "type": "book", "title": "C"}"# + "\n" + #"{"id": "d", "type": "book", "title": "D"}"#)
        #expect(lines.records.map(\.citationKey) == ["c", "d"] && lines.diagnostics.isEmpty)
    }

    @Test func anOutOfRangeNumberOrDeepNestingLosesOneItem() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let damaged = result("""
            [
              {"id": "a", "type": "book", "title": "First", "volume": 1e999},
              {"id": "b", "type": "book", "title": "Second", "note": \(deep)},
              {"id": "c", "type": "book", "title": "Third"}
            ]
            """)
        #expect(damaged.records.map(\.citationKey) == ["c"])
        #expect(damaged.diagnostics.map(\.description) == [
            "items.json:2: warning: item 1: this item is not valid JSON (a number out of range, or nesting too deep?); skipped",
            "items.json:3: warning: item 2: this item is not valid JSON (a number out of range, or nesting too deep?); skipped",
        ])
    }

    /// The items are found on the bytes, strings passed sixteen bytes at a
    /// time: strings of every length up to 70 (so that their ends, escapes
    /// and brackets fall at every place of a chunk) holding escaped quotes
    /// and backslashes, braces and brackets; each item's bytes and line are
    /// those it was written at.
    @Test func itemsAreFoundWhateverTheirStringsHold() {
        let pieces = ["a", "b", "{", "}", "[", "]", "\\\"", "\\\\", ",", " ", "é"]
        var generator = SplitMix64(seed: 21)
        var text = "[\n"
        var expected: [(range: Range<Int>, line: Int)] = []
        for number in 0..<300 {
            let length = number % 71
            let title = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let item = "{\"id\": \"i\(number)\", \"title\": \"\(title)\", \"note\": \"\\\\\"}"
            let start = text.utf8.count
            expected.append((start..<(start + item.utf8.count), number + 2))
            text += item + (number < 299 ? ",\n" : "\n")
        }
        text += "]\n"
        let (objects, strayLine) = CSLJSONImporter.topLevelObjects(SourceDocument(path: "items.json", text: text))
        #expect(strayLine == nil)
        #expect(objects.map(\.range) == expected.map(\.range))
        #expect(objects.map(\.line) == expected.map(\.line))
        #expect(objects.allSatisfy { $0.complete })
    }
}
