import Configuration
import OstromCore
import Testing
@testable import BrowserUI
import TerminalCanvas

/// A config file that rebinds keys and changes the layout, as the screen
/// shows it: the list wider with other columns, `x` moving down where `j`
/// no longer does, and the help screen listing the keys as configured.
@Suite struct ConfiguredFrameTests {
    @Test func aConfigThatRebindsAndRelayoutsIsWhatTheScreenShows() throws {
        let config = Config.parse("""
            [keys]
            "x" = "move-down"
            "j" = ""
            "f2" = "help"
            [layout]
            ratio = 0.6
            [layout.columns]
            papers = ["star", "citations", "year", "title", "authors:12"]
            """, file: "config.toml")
        #expect(config.problems.isEmpty)
        var state = AppState(records: Library.builtIn().records, ladder: try LadderModel.builtIn(), now: Fixture.now,
                             size: (100, 30), keyMap: config.keyMap)
        state.listShare = config.listShare
        state.columns = config.columns
        state.handle(.character("x"))
        state.handle(.character("j"))
        #expect(state.currentList.selected == 1)
        GoldenFrames.check(FrameComposer.compose(state), named: "configured-papers-100x30")
        state.handle(.function(2))
        GoldenFrames.check(FrameComposer.compose(state), named: "configured-help-100x30")
    }
}
