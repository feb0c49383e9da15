import Foundation
import Testing
@testable import OstromCore

@Suite struct TextSearchTests {
    let text = PagedText(text: "Peer support.\nPEER review\npeer support again\nthe end")

    @Test func smartCaseForwardWithOrdinalAndTotal() {
        let search = TextSearch(pattern: "peer", text: text)
        #expect(search.ignoresCase)
        search.run(from: 1, forward: true)
        #expect(search.current == TextSearch.Outcome(match: 14..<18, wrapped: false, ordinal: 2, total: 3))
        let exact = TextSearch(pattern: "PEER", text: text)
        exact.run(from: 0, forward: true)
        #expect(exact.current?.match == 14..<18)
        #expect(exact.current?.total == 1)
    }

    @Test func wrapsAroundBothWays() {
        let forward = TextSearch(pattern: "support", text: text)
        forward.run(from: 40, forward: true)
        #expect(forward.current?.match == 5..<12)
        #expect(forward.current?.wrapped == true)
        let backward = TextSearch(pattern: "support", text: text)
        backward.run(from: 30, forward: false)
        #expect(backward.current?.match == 5..<12)
        #expect(backward.current?.wrapped == false)
        let backwardWrapping = TextSearch(pattern: "end", text: text)
        backwardWrapping.run(from: 3, forward: false)
        #expect(backwardWrapping.current?.match == 49..<52)
        #expect(backwardWrapping.current?.wrapped == true)
    }

    @Test func nothingFound() {
        let search = TextSearch(pattern: "volunteer", text: text)
        search.run(from: 0, forward: true)
        #expect(search.current == TextSearch.Outcome(match: nil, wrapped: false))
    }
}

@Suite struct TextSearchCancelTests {
    /// Every byte is a candidate for "ab": the scan is slow enough to stop.
    static let slowText = PagedText(text: String(repeating: "a", count: 48 << 20))

    @Test func cancelledSearchReportsNothingAndStops() throws {
        let search = TextSearch(pattern: "ab", text: Self.slowText)
        search.start(from: 0, forward: true)
        search.cancel()
        usleep(300_000)
        #expect(search.current == nil)
        #expect(search.progress < 1)
    }
}
