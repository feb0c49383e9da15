import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// The tab and each tab's selection come back at the next start.
@Suite struct RememberedTests {
    @Test func quittingSavesTheTabAndSelectionsAndRestoringBringsThemBack() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("j"))
        let paper = try #require(state.selectedRecord)
        state.handle(.character("2"))
        state.handle(.character("j"))
        let event = try #require(state.selectedRecord)
        _ = state.takeEffects()
        state.handle(.character("Q"))
        #expect(state.shouldQuit)
        let transcript = state.records[state.listing(in: .transcripts)[0]].id
        let unsorted = ["sort.papers": "", "sort.events": "", "sort.transcripts": "", "sort.search": "", "layout.detail": "shown"]
        let settings = unsorted.merging(["tab": "events", "selected.papers": paper.id, "selected.events": event.id,
                                         "selected.transcripts": transcript]) { _, new in new }
        #expect(state.takeEffects().contains(.saveSettings(settings)))

        var next = try Fixture.state(width: 100, height: 30)
        next.restore(settings)
        #expect(next.tab == .events && next.selectedRecord?.id == event.id)
        next.handle(.character("1"))
        #expect(next.selectedRecord?.id == paper.id)
        // A record no longer there, an unknown tab: the start as usual.
        var other = try Fixture.state(width: 100, height: 30)
        other.restore(["tab": "nowhere", "selected.papers": "gone2020"])
        #expect(other.tab == .papers && other.currentList.selected == 0)
    }

    @Test func thePagerAloneRemembersNothing() {
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30))
        state.quitsWithLastOverlay = true
        state.handle(.character("Q"))
        #expect(state.shouldQuit && state.takeEffects().isEmpty)
    }
}
