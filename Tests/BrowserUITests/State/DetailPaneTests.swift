import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `z` hides the detail pane and the list takes the width; remembered.
@Suite struct DetailPaneTests {
    @Test func zHidesAndShowsTheDetailPane() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.tab)
        state.handle(.character("z"))
        #expect(!state.showsDetail && state.focus == .list && state.message == "detail pane hidden (z shows it)")
        state.handle(.tab)
        #expect(state.focus == .list)
        #expect(state.remembered["layout.detail"] == "hidden")
        var next = try Fixture.state(width: 100, height: 30)
        next.restore(state.remembered)
        #expect(!next.showsDetail)
        state.handle(.character("z"))
        #expect(state.showsDetail)
    }

    @Test func theListAloneFrame() throws {
        let (_, grid) = try Fixture.frame(width: 100, height: 30, keys: [.character("z")])
        GoldenFrames.check(grid, named: "papers-list-alone-100x30")
    }
}
