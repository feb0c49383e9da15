import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// The tab, each tab's selection, and the theme and split `:` chose come
/// back at the next start.
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
        let unsorted = ["sort.papers": "", "sort.events": "", "sort.transcripts": "", "sort.search": "", "layout.detail": "shown",
                        "theme": "", "theme.in-file": "", "layout.ratio": "", "layout.ratio.in-file": ""]
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

    /// `:theme` and `:set layout.ratio` last beyond the run while the config
    /// file says what it said then; a value changed in the file wins, and
    /// choosing the file's value again forgets the choice.
    @Test func theThemeAndSplitChosenAtTheCommandLineComeBackUnlessTheFileChanged() throws {
        func quit(_ state: inout AppState) -> [String: String] {
            _ = state.takeEffects()
            state.handle(.character("Q"))
            for case .saveSettings(let settings) in state.takeEffects() { return settings }
            Issue.record("no settings saved")
            return [:]
        }
        var state = try Fixture.state(width: 100, height: 30)
        state.useConfigured(theme: "dark", listShare: 0.5)
        command("theme light", in: &state)
        command("set layout.ratio 0.7", in: &state)
        let settings = quit(&state)
        #expect(settings["theme"] == "light" && settings["theme.in-file"] == "dark")
        #expect(settings["layout.ratio"] == "0.7" && settings["layout.ratio.in-file"] == "0.5")

        var next = try Fixture.state(width: 100, height: 30)
        next.useConfigured(theme: "dark", listShare: 0.5)
        next.restore(settings)
        #expect(next.theme == "light" && next.listShare == 0.7 && next.takeEffects() == [.useTheme("light")])

        var fileChanged = try Fixture.state(width: 100, height: 30)
        fileChanged.useConfigured(theme: "mono", listShare: 0.6)
        fileChanged.restore(settings)
        #expect(fileChanged.theme == "mono" && fileChanged.listShare == 0.6 && fileChanged.takeEffects().isEmpty)

        command("theme dark", in: &next)
        command("set layout.ratio 0.5", in: &next)
        let forgotten = quit(&next)
        #expect(forgotten["theme"] == "" && forgotten["layout.ratio"] == "")
    }

    /// The theme a run remembered is asked for before the first frame, by
    /// the driver the real terminal and the headless one share.
    @Test func theRememberedThemeIsUsedBeforeTheFirstFrame() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.restore(["theme": "light", "theme.in-file": "dark"])
        var asked: [Effect] = []
        let driver = AppDriver(state: state, backend: HeadlessTerminal(width: 100, height: 30, keys: [])) { effect in
            asked.append(effect)
            return .done
        }
        driver.runUntilIdle()
        #expect(asked == [.useTheme("light")])
    }

    private func command(_ text: String, in state: inout AppState) {
        state.handle(.character(":"))
        for character in text { state.handle(.character(character)) }
        state.handle(.enter)
    }

    @Test func thePagerAloneRemembersNothing() {
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30))
        state.quitsWithLastOverlay = true
        state.handle(.character("Q"))
        #expect(state.shouldQuit && state.takeEffects().isEmpty)
    }
}
