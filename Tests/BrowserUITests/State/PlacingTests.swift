import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// Placing every record on the ladder happens on another thread: the
/// Ladder tab opens at once and fills in as records are placed, the status
/// row counting; a `stage:` search waits for every place, saying so.
@Suite struct PlacingTests {
    private func waitUntilPlaced(_ state: AppState) {
        let deadline = Date().addingTimeInterval(60)
        while !state.placements.isComplete && Date() < deadline { usleep(2_000) }
    }

    @Test func theLadderOpensAtOnceAndFillsInOnTheTick() throws {
        var state = AppState(records: Library.builtIn().records + SyntheticLibrary.records(count: 600), ladder: LadderModel.builtIn(),
                             now: Fixture.now, size: (100, 30))
        state.handle(.character("4"))
        // Nothing waited: records are placed meanwhile, a part at a time.
        #expect(state.tab == .ladder && !state.placements.isComplete)
        var counted = false
        while !state.placements.isComplete {
            if state.tick(), state.message?.hasPrefix("placing records on the ladder: ") == true { counted = true }
            usleep(1_000)
        }
        #expect(counted)
        _ = state.tick()
        #expect(state.message == "placed 605 records on the ladder")
        state.handle(.tab)
        for _ in 0..<2 { state.handle(.character("j")) }
        #expect(!state.selectedPlacedItems.isEmpty)
    }

    @Test func aStageSearchWaitsForEveryPlace() throws {
        var state = AppState(records: Library.builtIn().records + SyntheticLibrary.records(count: 600), ladder: LadderModel.builtIn(),
                             now: Fixture.now, size: (100, 30))
        for key in [.character("/")] + "stage:with".map(KeyPress.character) { state.handle(key) }
        #expect(state.waitsForIndex && state.waitsForPlacements)
        #expect(FrameComposer.compose(state).rowText(29).contains("placing "))
        state.handle(.enter)
        waitUntilPlaced(state)
        _ = state.tick()
        #expect(!state.waitsForIndex && state.prompt == nil)
        let placed = try #require(state.filters[.papers]?.hits)
        #expect(!placed.isEmpty && placed.allSatisfy { state.placement(ofRecordAt: $0).choice.stage == "Doing with" })
    }
}
