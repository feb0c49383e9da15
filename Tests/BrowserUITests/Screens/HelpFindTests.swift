import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `/` on the help screen finds words in it as they are typed, marks
/// them, and `n`/`N` go from line to line; Esc forgets them.
@Suite struct HelpFindTests {
    private func helpOffset(_ state: AppState) -> Int? {
        if case .help(let offset, _)? = state.overlays.last { return offset }
        return nil
    }

    @Test func slashFindsInTheHelpAndNGoesOn() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("?"))
        for key in [KeyPress.character("/")] + "PDF".map(KeyPress.character) { state.handle(key) }
        let frame = FrameComposer.compose(state)
        GoldenFrames.check(frame, named: "help-find-100x30")
        let first = try #require(helpOffset(state))
        #expect(first > 0 && frame.rowText(1).localizedCaseInsensitiveContains("pdf"))
        #expect(frame.rowText(29).hasPrefix("/PDF"))
        state.handle(.enter)
        state.handle(.character("n"))
        let second = try #require(helpOffset(state))
        #expect(second > first)
        state.handle(.character("N"))
        #expect(helpOffset(state) == first)
        state.handle(.character("/"))
        for _ in 0..<3 { state.handle(.backspace) }
        for key in "no such words".map(KeyPress.character) { state.handle(key) }
        #expect(FrameComposer.compose(state).rowText(29).hasSuffix("not found"))
        state.handle(.escape)
        #expect(state.helpFind == nil && state.prompt == nil && helpOffset(state) != nil)
    }
}
