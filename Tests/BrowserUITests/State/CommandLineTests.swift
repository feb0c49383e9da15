import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `:` runs an action by its name; Tab completes; ↑ recalls; a mistyped
/// name gets the closest ones.
@Suite struct CommandLineTests {
    private func type(_ text: String, into state: inout AppState) {
        for character in text { state.handle(.character(character)) }
    }

    private func command(_ text: String, in state: inout AppState) {
        state.handle(.character(":"))
        type(text, into: &state)
        state.handle(.enter)
    }

    @Test func actionsAndCommandsByName() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character(":"))
        #expect(FrameComposer.compose(state).rowText(29).hasPrefix(":"))
        state.handle(.escape)
        command("sort -year", in: &state)
        #expect(state.sorts[.papers] == RecordSort(key: .year, descending: true) && state.message == "sorted: newest first")
        command("set detail hidden", in: &state)
        #expect(!state.showsDetail)
        command("view-events", in: &state)
        #expect(state.tab == .events)
        command("search loeffler", in: &state)
        #expect(state.filters[.events]?.hits.count == 1 && state.prompt == nil)
        command("sort sideways", in: &state)
        #expect(state.message?.hasPrefix("sort: one of none, year, -year") == true)
        command("sotr year", in: &state)
        #expect(state.message == "no command “sotr”; did you mean sort, set?")
        command("quit", in: &state)
        #expect(state.shouldQuit)
    }

    @Test func themeAndLayoutRatio() throws {
        var state = try Fixture.state(width: 120, height: 30)
        command("theme light", in: &state)
        #expect(state.effects.last == .useTheme("light") && state.message == "theme: light")
        command("theme solarized", in: &state)
        #expect(state.message == "theme: one of dark, light, mono")
        let narrow = FrameComposer.compose(state).rowText(1)
        command("set layout.ratio 0.7", in: &state)
        #expect(state.listShare == 0.7 && state.message == "layout.ratio: 0.7")
        // The divider moves right: the list's titles get the width.
        #expect(FrameComposer.compose(state).rowText(1).firstIndex(of: "│")! > narrow.firstIndex(of: "│")!)
        // Stacked, the split waits for a wider terminal, and says so.
        var narrow100 = try Fixture.state(width: 100, height: 30)
        command("set layout.ratio 0.6", in: &narrow100)
        #expect(narrow100.listShare == 0.6 && narrow100.message == "layout.ratio: 0.6 (for the panes side by side, from 120 columns)")
        command("set layout.ratio 0.95", in: &state)
        #expect(state.listShare == 0.7 && state.message == "set: detail shown, detail hidden, or layout.ratio 0.2 to 0.8")
    }

    @Test func exportWritesTheListedRecords() throws {
        var state = try Fixture.state(width: 100, height: 30)
        command("search co-production", in: &state)
        let hits = try #require(state.filters[.papers]?.hits)
        command("export bibtex ~/refs.bib", in: &state)
        guard case .export(let records, let format, let path)? = state.effects.last else {
            Issue.record("no export asked for")
            return
        }
        #expect(records.map(\.id) == hits.map { state.records[$0].id } && format == .bibtex)
        #expect(path.hasSuffix("/refs.bib") && !path.hasPrefix("~"))
        command("export docx out.docx", in: &state)
        #expect(state.message == "export: FORMAT FILE, FORMAT one of bibtex, ris, csljson, json, markdown")
        command("view-ladder", in: &state)
        command("export ris out.ris", in: &state)
        #expect(state.message?.hasPrefix("export: the Ladder tab lists passages") == true)
    }

    /// One key, one meaning on each screen: the help never lists a key twice.
    @Test func noKeyHasTwoMeaningsOnOneScreen() {
        for screen in [ScreenKind.browse, .pager, .help] {
            let keys = ActionTable.all.flatMap { KeyMap.standard.keys(for: $0.action, in: screen) }
            #expect(Set(keys).count == keys.count, "\(screen)")
        }
    }

    @Test func tabCompletesAndUpRecalls() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character(":"))
        type("toggle-s", into: &state)
        state.handle(.tab)
        #expect(state.prompt?.editor.text == "toggle-star ")
        state.handle(.enter)
        #expect(state.annotations[try #require(state.selectedRecord).id].starred)
        state.handle(.character(":"))
        type("view-", into: &state)
        state.handle(.tab)
        #expect(state.prompt?.editor.text == "view-" && state.prompt?.error?.hasPrefix("view-text view-papers") == true)
        state.handle(.escape)
        state.handle(.character(":"))
        state.handle(.up)
        #expect(state.prompt?.editor.text == "toggle-star")
    }

    /// After a command's name, Tab completes its argument.
    @Test func tabCompletesArguments() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for (typed, completed, listed) in [("theme l", "theme light", nil), ("sort -y", "sort -year", nil), ("export c", "export csljson ", nil),
                                           ("set la", "set layout.ratio ", nil), ("set de", "set detail ", "detail shown detail hidden"),
                                           ("sort ti", "sort title", nil)] {
            state.handle(.character(":"))
            type(typed, into: &state)
            state.handle(.tab)
            #expect(state.prompt?.editor.text == completed, "\(typed)")
            #expect(state.prompt?.error == listed, "\(typed)")
            if listed != nil { GoldenFrames.check(FrameComposer.compose(state), named: "command-completion-100x30") }
            state.handle(.escape)
        }
    }
}
