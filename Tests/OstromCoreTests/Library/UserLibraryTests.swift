import Foundation
import Testing
@testable import OstromCore

@Suite struct UserLibraryTests {
    private func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-library-\(UUID().uuidString)").path
    }

    @Test func seedPapersSurviveTheRoundTrip() throws {
        let path = folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let papers = Library.builtIn().records.filter { $0.kind == .paper }
        var library = try UserLibrary(folder: path)
        #expect(library.add(papers) == UserLibrary.Report(added: 2))
        try library.save()
        let reloaded = try UserLibrary(folder: path).records
        #expect(reloaded.count == 2)
        for (original, back) in zip(papers, reloaded) {
            #expect(back.title == original.title && back.authors == original.authors && back.date == original.date)
            #expect(back.container == original.container && back.volume == original.volume && back.issue == original.issue)
            #expect(back.pages == original.pages && back.doi == original.doi && back.issn == original.issn)
            #expect(back.abstract == original.abstract && back.language == original.language && back.type == original.type)
        }
    }

    @Test func duplicatesByDOIOrTitleAndYearFillInOrAreSkipped() throws {
        var first = Record(kind: .paper, title: "Co-Production: A Review")
        first.date = PartialDate(year: 2019)
        var library = try UserLibrary(folder: folder())
        _ = library.add([first])
        var richer = Record(kind: .paper, title: "Co-production - a review")
        richer.date = PartialDate(year: 2019)
        richer.volume = "12"
        #expect(library.add([richer]) == UserLibrary.Report(updated: 1))
        #expect(library.records.first?.volume == "12")
        #expect(library.add([richer]) == UserLibrary.Report(skipped: 1))
        var otherYear = richer
        otherYear.date = PartialDate(year: 2020)
        #expect(library.add([otherYear]) == UserLibrary.Report(added: 1))
    }

    /// Every kind and every field comes back: events their times, place,
    /// speakers and bio, transcripts their text (CSL-JSON kept none of it).
    @Test func everyKindAndFieldSurvivesTheRoundTrip() throws {
        let path = folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var records = Library.builtIn().records
        records[0].editors = [Person(family: "Loeffler", given: "Elke")]
        records[0].authors[0].suffix = "Jr."
        records[0].translators = [Person(literal: "Translation Team")]
        records[0].seriesEditors = [Person(family: "Series", given: "Sam")]
        var library = try UserLibrary(folder: path)
        #expect(library.add(records) == UserLibrary.Report(added: records.count))
        try library.save()
        let reloaded = try UserLibrary(folder: path).records
        let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 28), hour: 12, minute: 0)
        #expect(reloaded.map { RecordJSON.value(of: $0, now: now).serialized() } == records.map { RecordJSON.value(of: $0, now: now).serialized() })
        #expect(reloaded.map(\.kind) == [.paper, .event, .event, .transcript, .paper])
        #expect(RecordJSONReader.partialDate("-0050-03") == PartialDate(year: -50, month: 3))
        #expect(RecordJSONReader.dateTime("2020-02-05T14:00") == LocalDateTime(date: PartialDate(year: 2020, month: 2, day: 5), hour: 14, minute: 0))
    }

    @Test func aLibraryThatCannotBeReadIsNeverTakenAsEmpty() throws {
        let path = folder()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = path + "/" + UserLibrary.fileName
        for content in ["[{\"id\": \"a\", \"kind\": \"paper\", \"title\": \"Cut", "<html>not a library</html>", "{\"records\": {}}"] {
            try Data(content.utf8).write(to: URL(fileURLWithPath: file))
            #expect(throws: LibraryError.self) { try UserLibrary(folder: path) }
        }
    }

    @Test func aLibraryWrittenAsCSLJSONByEarlierVersionsIsRead() throws {
        let path = folder()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let papers = Library.builtIn().records.filter { $0.kind == .paper }
        try Data(CSLJSONExporter.value(of: papers).serialized().utf8).write(to: URL(fileURLWithPath: path + "/" + UserLibrary.fileName))
        #expect(try UserLibrary(folder: path).records.map(\.title) == papers.map(\.title))
    }
}
