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
        var library = UserLibrary(folder: path)
        #expect(library.add(papers) == UserLibrary.Report(added: 2))
        try library.save()
        let reloaded = UserLibrary(folder: path).records
        #expect(reloaded.count == 2)
        for (original, back) in zip(papers, reloaded) {
            #expect(back.title == original.title && back.authors == original.authors && back.date == original.date)
            #expect(back.container == original.container && back.volume == original.volume && back.issue == original.issue)
            #expect(back.pages == original.pages && back.doi == original.doi && back.issn == original.issn)
            #expect(back.abstract == original.abstract && back.language == original.language && back.type == original.type)
        }
    }

    @Test func duplicatesByDOIOrTitleAndYearFillInOrAreSkipped() {
        var first = Record(kind: .paper, title: "Co-Production: A Review")
        first.date = PartialDate(year: 2019)
        var library = UserLibrary(folder: folder())
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
}
