import Testing
@testable import OstromCore

@Suite struct DocumentRecognizerTests {
    @Test(arguments: [
        (0, "catalog-record-page"), (1, "event-announcement"), (2, "event-page"),
        (3, "presentation-transcript"), (4, "scholarly-metadata-page"),
    ])
    func genreComesFromContentNotFileName(seed: Int, format: String) throws {
        let original = try TestFiles.seed(seed)
        for path in ["x.bib", "notes.txt", "003_34389ad0f5bf4231.txt", "page"] {
            let renamed = SourceDocument(path: path, text: original.text)
            #expect(try TestFiles.importOne(renamed).source?.format == format)
        }
    }

    @Test func unrecognisedTextBecomesANoteWithAWarning() throws {
        let document = try TestFiles.fixture("note/meeting-notes.txt")
        let result = DocumentRecognizer().importRecords(from: document)
        #expect(result.records.count == 1)
        #expect(result.records.first?.kind == .note)
        #expect(result.records.first?.title == "Notes from the co-production working group")
        #expect(result.records.first?.body == "We agreed to meet monthly.\nNext steps: map the services that already involve residents.")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.description.hasSuffix("meeting-notes.txt:1: warning: no importer recognised this document; kept as a note") == true)
    }

    @Test func emptyDocumentIsReportedNotImported() {
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: "empty.txt", text: " \n\n"))
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.description) == ["empty.txt: warning: empty document, nothing to import"])
    }

    @Test func invalidUTF8IsReplacedAndReportedWithItsLine() throws {
        var bytes = Array("First line\nSecond \u{FF} line\n".utf8)
        bytes[18] = 0xFF
        let document = SourceDocument(path: "bad.txt", bytes: .init(bytes))
        let result = DocumentRecognizer().importRecords(from: document)
        #expect(result.records.first?.body?.contains("\u{FFFD}") == true)
        #expect(result.diagnostics.first?.description == "bad.txt:2: warning: invalid UTF-8 replaced by U+FFFD")
    }
}
