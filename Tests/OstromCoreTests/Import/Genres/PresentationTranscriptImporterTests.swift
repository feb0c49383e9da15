import Testing
@testable import OstromCore

@Suite struct PresentationTranscriptImporterTests {
    @Test func personAuthorAndTrailingPageChrome() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("transcript/person-author.txt"))
        #expect(record.source?.format == "presentation-transcript")
        #expect(record.id == "smith2019")
        #expect(record.title == "Peer support in mental health: lessons from recovery colleges")
        #expect(record.authors == [Person(family: "Smith", given: "Jane")])
        #expect(record.date == PartialDate(year: 2019, month: 3, day: 12))
        #expect(record.body == "Recovery colleges\nStudents and tutors learn together\nPeer trainers co-deliver every course")
        #expect(record.source?.bodyLine == 17)
    }

    @Test func inlineBylineWithOrganisationAndNoEndMarker() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("transcript/organisation-inline.txt"))
        #expect(record.id == "scie2016")
        #expect(record.authors == [Person(literal: "Social Care Institute for Excellence")])
        #expect(record.date == PartialDate(year: 2016, month: 5, day: 5))
        #expect(record.body == "Co-production means working together\nPeople who use services are equal partners")
    }

    @Test func missingBylineIsReported() {
        let text = "Some talk\nTranscript of Some talk\nFirst slide\nFull transcript"
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: "t.txt", text: text))
        #expect(result.records.first?.kind == .transcript)
        #expect(result.records.first?.body == "First slide")
        #expect(result.diagnostics.map(\.description) == ["t.txt:2: warning: no author (“by …”) above the transcript"])
    }
}
