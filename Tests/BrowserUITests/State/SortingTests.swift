import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// `S` in the browser: the orders in turn, the selection kept, shown in
/// the status row, applied to a search's hits, remembered.
@Suite struct SortingTests {
    private func years(_ state: AppState, _ tab: Tab) -> [Int] {
        state.listing(in: tab).compactMap { state.records[$0].year }
    }

    @Test func sStepsThroughTheOrdersAndKeepsTheSelection() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("2"))
        let unsorted = state.listing(in: .events)
        let selected = try #require(state.selectedRecord)
        state.handle(.character("S"))
        #expect(state.message == "sorted: newest first (S for the next order)")
        #expect(years(state, .events) == years(state, .events).sorted(by: >))
        #expect(state.selectedRecord?.id == selected.id)
        #expect(FrameComposer.compose(state).rowText(29).hasPrefix(" Events \(state.currentList.selected + 1)/\(unsorted.count)  newest first"))
        state.handle(.character("S"))
        #expect(years(state, .events) == years(state, .events).sorted())
        for _ in 0..<4 { state.handle(.character("S")) }
        #expect(state.message == "sorted: most cited first (S for the next order)")
        state.handle(.character("S"))
        #expect(state.message == "in the library's order")
        #expect(state.listing(in: .events) == unsorted)
        // Each tab has its own order.
        state.handle(.character("S"))
        state.handle(.character("1"))
        #expect(state.sorts[.papers] == nil && state.sorts[.events] == RecordSort(key: .year, descending: true))
    }

    /// Waits for a sort on another thread, ticking as the browser does.
    private func tickUntilSorted(_ state: inout AppState) -> Bool {
        for _ in 0..<3000 where !state.sortsInBackground.isEmpty {
            if state.tick() { return true }
            usleep(5_000)
        }
        return false
    }

    /// A long listing is sorted on another thread: it is listed as it was
    /// meanwhile, the status row says so, the sorted one comes on a tick
    /// with the same record selected; `Esc` gives a sort up.
    @Test func aLongListingIsSortedOnAnotherThread() throws {
        let records = SyntheticLibrary.records(count: SortedListing.backgroundThreshold + 500)
        var state = AppState(records: records, ladder: nil, now: Fixture.now, size: (100, 30))
        let unsorted = state.listing(in: .papers)
        for _ in 0..<7 { state.handle(.character("j")) }
        let selected = try #require(state.selectedRecordIndex)
        state.handle(.character("S"))
        #expect(state.message == AppState.sortingMessage && state.hasRunningWork)
        #expect(state.listing(in: .papers) == unsorted && state.selectedRecordIndex == selected)
        #expect(FrameComposer.compose(state).rowText(29)
            .hasPrefix(" Papers 8/\(unsorted.count)  sorting: newest first…  sorting on another thread: Esc gives it up "))
        #expect(tickUntilSorted(&state))
        let expected = RecordSort(key: .year, descending: true).order(unsorted.map { records[$0] }).map { unsorted[$0] }
        #expect(state.listing(in: .papers) == expected)
        #expect(state.selectedRecordIndex == selected && state.message == "sorted: newest first" && !state.hasRunningWork)

        // The next order, given up before its turn: the listing stays
        // newest first, and the sort given up never runs.
        let turn = DispatchSemaphore(value: 0)
        SortInBackground.queue.async { turn.wait() }
        state.handle(.character("S"))
        #expect(state.message == AppState.sortingMessage)
        #expect(state.listing(in: .papers) == expected)
        let givenUp = try #require(state.sortsInBackground[.papers])
        state.handle(.escape)
        #expect(state.message == "sorting given up: newest first")
        #expect(state.sorts[.papers] == RecordSort(key: .year, descending: true) && !state.hasRunningWork)
        turn.signal()
        while !givenUp.hasEnded { usleep(5_000) }
        #expect(givenUp.result == nil)
        let changed = state.tick()
        #expect(!changed)
        #expect(state.listing(in: .papers) == expected)

        // `:sort` on the command line sorts there too.
        for key in [.character(":")] + "sort title".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.message == AppState.sortingMessage)
        #expect(tickUntilSorted(&state))
        #expect(state.listing(in: .papers) == RecordSort(key: .title).order(unsorted.map { records[$0] }).map { unsorted[$0] })
    }

    /// Sorts run one at a time; one given up before its turn never runs
    /// (a search typed letter by letter sorts the hits it ends with).
    @Test func aSortGivenUpBeforeItsTurnNeverRuns() {
        let records = SyntheticLibrary.records(count: 300)
        let listing = Array(records.indices)
        let turn = DispatchSemaphore(value: 0)
        SortInBackground.queue.async { turn.wait() }
        let passedOver = SortInBackground(RecordSort(key: .title), listing, records: records, added: [:])
        let wanted = SortInBackground(RecordSort(key: .year), listing, records: records, added: [:])
        passedOver.giveUp()
        turn.signal()
        while !wanted.hasEnded { usleep(1_000) }
        #expect(passedOver.hasEnded && passedOver.result == nil)
        #expect(wanted.result?.listing == RecordSort(key: .year).order(records))
    }

    @Test func aSearchsHitsAreSortedAndTheOrderIsRemembered() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("s")] + "co-production".map(KeyPress.character) + [.enter] { state.handle(key) }
        let ranked = state.listing(in: .search)
        #expect(ranked.count > 2)
        state.handle(.character("S"))
        #expect(Set(state.listing(in: .search)) == Set(ranked))
        #expect(years(state, .search) == years(state, .search).sorted(by: >))
        let settings = state.remembered
        #expect(settings["sort.search"] == "-year" && settings["sort.papers"] == "")
        var next = try Fixture.state(width: 100, height: 30)
        next.restore(settings)
        #expect(next.sorts[.search] == RecordSort(key: .year, descending: true) && next.sorts[.papers] == nil)
    }

    @Test func sortedPapersFrame() throws {
        let (_, grid) = try Fixture.frame(width: 100, height: 30, keys: [.character("S")])
        GoldenFrames.check(grid, named: "papers-newest-first-100x30")
    }
}
