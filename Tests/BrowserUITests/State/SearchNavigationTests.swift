import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `Esc` in the browser clears the kept search, then the starred-only view.
@Suite struct ClearSearchTests {
    @Test func escClearsTheKeptSearchThenStarredOnlyKeepingTheSelection() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let all = state.listing(in: .papers)
        for key in [.character("/")] + "coerced".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.listing(in: .papers).count == 1)
        let kept = try #require(state.selectedRecord)
        state.handle(.escape)
        #expect(state.message == "search cleared" && state.listing(in: .papers) == all && state.selectedRecord?.id == kept.id)
        state.handle(.character("m"))
        state.handle(.character("*"))
        state.handle(.escape)
        #expect(state.message == "all records" && !state.starredOnly)
        state.handle(.escape)
        #expect(state.message == nil && !state.shouldQuit)
    }
}

/// Enter on a hit of the Search tab opens the record in its own tab.
@Suite struct SearchHitOpensTests {
    @Test func enterOnAHitGoesToItsTabSelectedAndQComesBack() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("s")] + "loeffler".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.tab == .search)
        let hit = try #require(state.selectedRecord)
        #expect(hit.kind == .event)
        state.handle(.enter)
        #expect(state.tab == .events && state.selectedRecord?.id == hit.id)
        #expect(state.message == "\(hit.id) in Events (q goes back to the search)")
        state.handle(.character("q"))
        #expect(state.tab == .search && state.filters[.search] != nil)
    }
}
