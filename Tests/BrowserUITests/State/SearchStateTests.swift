import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

private func type(_ text: String) -> [KeyPress] { text.map { KeyPress.character($0) } }

private func ids(_ state: AppState) -> [String] {
    state.listing(in: state.tab).map { state.records[$0].id }
}

@Suite struct SearchPromptTests {
    @Test func typingNarrowsAndReranksOnEveryKeystroke() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("/"))
        #expect(state.prompt != nil)
        var seen: [[String]] = []
        for key in type("coerced") {
            state.handle(key)
            seen.append(ids(state))
        }
        #expect(seen.first == ["tuurnas2016", "body2021"] || seen.first?.isEmpty == false)
        #expect(seen.last == ["body2021"])
        let status = FrameComposer.compose(state).rowText(29)
        #expect(status.hasPrefix("/coerced"))
        #expect(status.hasSuffix("1/2"))
    }

    @Test func enterKeepsTheFilterAndRecordsTheQuery() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("/")] + type("accountability") + [.enter] { state.handle(key) }
        #expect(state.prompt == nil)
        #expect(ids(state) == ["tuurnas2016"])
        #expect(state.history.entries == ["accountability"])
        #expect(state.takeEffects() == [.addToSearchHistory("accountability")])
        let status = FrameComposer.compose(state).rowText(29)
        #expect(status.contains("Papers 1/1  /accountability  1/2"))
    }

    @Test func escapeRestoresThePreviousListAndSelection() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("j"))
        for key in [.character("/")] + type("accountability") { state.handle(key) }
        #expect(ids(state) == ["tuurnas2016"] && state.currentList.selected == 0)
        state.handle(.escape)
        #expect(state.prompt == nil && state.filters[.papers] == nil)
        #expect(ids(state) == ["tuurnas2016", "body2021"])
        #expect(state.currentList.selected == 1)
        #expect(state.history.entries.isEmpty)
    }

    @Test func malformedQuerySaysWhyAndKeepsTheLastResults() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("/")] + type("coerced OR") { state.handle(key) }
        #expect(state.prompt?.error == "OR needs a term after it")
        #expect(ids(state) == ["body2021"])
        #expect(FrameComposer.compose(state).rowText(29).contains("OR needs a term after it"))
        for key in type(" x colour:") { state.handle(key) }
        #expect(state.prompt?.error == "unknown field “colour:” — use title: author: abstract: body: venue: kind: type: year: doi: tag: stage: level: principle:")
    }

    @Test func historyOnUpAndDownWithTheDraftKept() throws {
        var state = AppState(records: Library.builtIn().records, ladder: nil, now: Fixture.now, size: (100, 30),
                             history: SearchHistory(entries: ["older", "newer"]))
        for key in [.character("/")] + type("dra") { state.handle(key) }
        state.handle(.up)
        #expect(state.prompt?.editor.text == "newer")
        state.handle(.up)
        #expect(state.prompt?.editor.text == "older")
        state.handle(.up)
        #expect(state.prompt?.editor.text == "older")
        state.handle(.down)
        #expect(state.prompt?.editor.text == "newer")
        state.handle(.down)
        #expect(state.prompt?.editor.text == "dra")
    }

    @Test func nAndNJumpBetweenMatchesInTheDetail() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("/")] + type("accountability") + [.enter] { state.handle(key) }
        state.handle(.character("n"))
        #expect(state.focus == .detail)
        #expect(state.message?.hasPrefix("match 2 of") == true)
        let first = state.currentList.detailOffset
        state.handle(.character("n"))
        #expect(state.currentList.detailOffset > first)
        state.handle(.character("N"))
        #expect(state.currentList.detailOffset == first)
        let frame = FrameComposer.compose(state)
        #expect((1..<29).contains { y in (41..<100).contains { frame[$0, y].role == .match } })
    }

    @Test func globalSearchListsEveryKindWithBadges() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("s")] + type("co-production") + [.enter] { state.handle(key) }
        #expect(state.tab == .search)
        let kinds = Set(state.listing(in: .search).map { state.records[$0].kind })
        #expect(kinds == [.paper, .event, .transcript])
        let frame = FrameComposer.compose(state)
        #expect(frame.rowText(1).hasPrefix(" paper      ") || frame.rowText(1).hasPrefix(" transcript ") || frame.rowText(1).hasPrefix(" event      "))
        #expect(frame.rowRoles(1).hasPrefix("S"))
    }

    @Test func theLadderHasNoPromptAndSaysWhere() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        state.handle(.character("/"))
        #expect(state.prompt == nil)
        #expect(state.message?.contains("Search tabs") == true)
    }
}

@Suite struct LineEditorTests {
    @Test func shellKeys() {
        var editor = LineEditor("public service users")
        editor.deleteWordBackward()
        #expect(editor.text == "public service " && editor.cursor == 15)
        editor.home()
        editor.insert("[")
        editor.end()
        editor.insert("]")
        #expect(editor.text == "[public service ]")
        editor.left()
        editor.backspace()
        #expect(editor.text == "[public service]")
        editor.home()
        editor.delete()
        #expect(editor.text == "public service]")
        editor.right()
        editor.right()
        editor.deleteToStart()
        #expect(editor.text == "blic service]" && editor.cursor == 0)
    }
}

@Suite struct SearchHistoryTests {
    @Test func repeatsMoveToTheEndAndBlanksAreLeftOut() {
        var history = SearchHistory()
        for query in ["a", "b", "a", "  ", "c"] { history.record(query) }
        #expect(history.entries == ["b", "a", "c"])
    }

    @Test func theDriverRunsTheSaveEffect() throws {
        let terminal = HeadlessTerminal(width: 80, height: 24, keys: [.character("/")] + type("trust") + [.enter])
        var saved: [Effect] = []
        let driver = AppDriver(state: try Fixture.state(width: 80, height: 24), backend: terminal) { effect in
            saved.append(effect)
            return .failed("disk full")
        }
        driver.runUntilIdle()
        #expect(saved == [.addToSearchHistory("trust")])
        #expect(driver.state.message == "disk full")
    }
}
