import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// A large library shown before it is all read: parts appear on the tick,
/// the status row counts them, a search waits for the reader's index.
@Suite struct LoadingTests {
    @Test func partsAppearOnTheTickAndASearchWaitsForTheWholeIndex() throws {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 300)
        let first = Array(all.prefix(105)), rest = Array(all.dropFirst(105))
        let mailbox = RecordsInBackground(total: all.count - 5)
        let release = DispatchSemaphore(value: 0)
        let index = IndexInBackground {
            release.wait()
            return SearchIndex(records: all)
        }
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30), index: index)
        state.loading = mailbox
        #expect(state.listing(in: .papers).count == first.filter { $0.kind == .paper }.count)
        // A query typed now waits: the index is the one over everything.
        for key in [.character("/")] + "participation".map(KeyPress.character) { state.handle(key) }
        #expect(state.waitsForIndex)

        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.prefix(100)), addedDays: [rest[0].id: "2026-11-28"]))
        let appeared = state.tick()
        #expect(appeared && state.records.count == 205)
        #expect(state.message == "reading your library: 205 records so far…")
        #expect(state.addedDays[rest[0].id] == "2026-11-28" && state.libraryRecordIDs.contains(rest[0].id))
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.dropFirst(100))))
        mailbox.finish()
        _ = state.tick()
        #expect(state.records.count == all.count && state.loading == nil)
        #expect(state.message == "read your library: 305 records")
        #expect(state.waitsForIndex)
        release.signal()
        while !state.searchIndex.isReady { usleep(1_000) }
        let searched = state.tick()
        #expect(searched && !state.waitsForIndex)
        let hits = try #require(state.filters[.papers]?.hits)
        #expect(!hits.isEmpty && hits.contains { $0 >= 105 })
    }

    @Test func aReaderThatFailsSaysSoAndKeepsWhatItRead() throws {
        let mailbox = RecordsInBackground(total: 10)
        var state = AppState(records: Library.builtIn().records, ladder: nil, now: Fixture.now, size: (100, 30))
        state.loading = mailbox
        mailbox.deliver(RecordsInBackground.Part(records: SyntheticLibrary.records(count: 3)))
        mailbox.finish(failure: "library.sqlite: a record cannot be read")
        _ = state.tick()
        #expect(state.records.count == 8)
        #expect(state.message == "your library was read only in part: ! says why")
        #expect(state.messageLog.last == "library.sqlite: a record cannot be read")
    }

    @Test func numbersAreGroupedByThousands() {
        #expect(AppState.grouped(100000) == "100 000" && AppState.grouped(999) == "999" && AppState.grouped(1234567) == "1 234 567")
    }
}
