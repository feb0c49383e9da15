import Testing
@testable import BrowserUI
import OstromCore
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
