import Foundation
import Testing
@testable import OstromCore

@Suite struct SectionsTests {
    let transcript: PagedText

    init() throws {
        transcript = PagedText(text: try #require(Library.builtIn().record(withID: "nef2014")?.body))
    }

    private func title(_ offset: Int?) -> String? {
        offset.map { String(decoding: UnsafeBufferPointer(rebasing: transcript.bytes[$0..<transcript.lineEnd(from: $0)]), as: UTF8.self) }
    }

    @Test func headingsOfTheTranscript() {
        let titles = Sections.all(in: transcript).map(\.title)
        #expect(titles == [
            "Other definitions", "In Elinor Ostrom's* words", "Descriptive co-production", "Intermediate co-production",
            "Transformative co-production", "Doing 'to'", "Doing 'for'", "Doing 'with'", "F.A.S.T", "Learning to Lead",
            "Why is this co-production?", "Washington Youth Time Court", "Why is this co-production?",
            "Recognising people as assets", "Building on people's capabilities", "Developing two way relationships",
            "Encourage peer support", "Blurring distinctions", "Facilitating, not delivering to",
        ])
    }

    @Test func nextAndPreviousFromAnywhere() throws {
        let headings = Sections.all(in: transcript)
        let doingFor = try #require(headings.first { $0.title == "Doing 'for'" })
        #expect(title(Sections.next(after: doingFor.offset, in: transcript)) == "Doing 'with'")
        #expect(title(Sections.previous(before: doingFor.offset, in: transcript)) == "Doing 'to'")
        #expect(Sections.previous(before: 0, in: transcript) == nil)
        #expect(Sections.next(after: transcript.count - 1, in: transcript) == nil)
    }

    @Test func markdownAndPlainTextWithoutHeadings() {
        let long = String(repeating: "word ", count: 20)
        let text = PagedText(text: "# Introduction\n\(long)\nnot a heading\n\(long)\nEnds with a colon:\n\(long)")
        #expect(Sections.all(in: text).map(\.title) == ["# Introduction"])
        #expect(Sections.all(in: PagedText(text: "just\nshort\nlines")).isEmpty)
    }
}
