import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `m`, `*`, `t`, `e`, `u` and `tag:` on the built-in corpus, headless.
@Suite struct AnnotationActionTests {
    private func type(_ text: String) -> [KeyPress] { text.map { .character($0) } }

    @Test func mStarsAndStarredOnlyFilters() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let first = try #require(state.selectedRecord)
        state.handle(.character("m"))
        #expect(state.annotations[first.id].starred)
        #expect(state.message == "starred \(first.id)")
        guard case .saveAnnotations(let saved)? = state.takeEffects().first else {
            Issue.record("m asks for a save")
            return
        }
        #expect(saved.pending == [.star(first.id, true)])
        let frame = FrameComposer.compose(state)
        #expect(frame.rowText(1).hasPrefix("*"))
        #expect((0..<30).contains { frame.rowText($0).contains("Yours * starred") })
        state.handle(.character("*"))
        #expect(state.listing(in: .papers).count == 1)
        state.handle(.character("m"))
        #expect(state.listing(in: .papers).isEmpty)
        state.handle(.character("u"))
        #expect(state.listing(in: .papers).count == 1)
        state.handle(.character("*"))
        #expect(state.listing(in: .papers).count > 1)
    }

    @Test func tEditsTagsAndTagSearchFinds() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let first = try #require(state.selectedRecord)
        for key in [.character("t")] + type("care, #policing") + [.enter] { state.handle(key) }
        #expect(state.annotations[first.id].tags == ["care", "policing"])
        #expect(state.message == "tagged \(first.id): #care #policing")
        state.handle(.character("s"))
        for key in type("tag:care") { state.handle(key) }
        #expect(state.listing(in: .search).map { state.records[$0].id } == [first.id])
        for key in type(" -tag:policing") { state.handle(key) }
        #expect(state.listing(in: .search).isEmpty)
        state.handle(.escape)
        // Editing the tags again starts from the current ones.
        state.handle(.character("1"))
        state.handle(.character("t"))
        #expect(state.prompt?.editor.text == "care policing ")
        #expect(FrameComposer.compose(state).rowText(29).hasPrefix("tags: care policing"))
        state.handle(.escape)
        #expect(state.annotations[first.id].tags == ["care", "policing"])
    }

    /// A 10 MB one-line note made every redraw take seconds: the pane lays
    /// out its first 32 KB and says how much more there is.
    @Test func aHugeNoteShowsItsStartAndHowMuchMore() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let first = try #require(state.selectedRecord)
        state.annotations.apply(.note(first.id, String(repeating: "co-production ", count: 750_000)))
        let lines = state.detailLines(width: 50)
        #expect(lines.count < 1000)
        #expect(lines.contains { $0.spans.map(\.text).joined().hasPrefix("… and 10221 KB more (e edits the whole note)") })
        #expect(StyledLine.wrapped(String(repeating: "é", count: 40_000), width: 50).last?.spans.first?.text == "… and 46 KB more")
    }

    @Test func uUndoesTheLastChange() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let first = try #require(state.selectedRecord)
        state.handle(.character("m"))
        for key in [.character("t")] + type("care") + [.enter] { state.handle(key) }
        state.handle(.character("u"))
        #expect(state.annotations[first.id] == Annotation(starred: true))
        state.handle(.character("u"))
        #expect(state.annotations[first.id].isEmpty)
        state.handle(.character("u"))
        #expect(state.message == "nothing to undo")
    }

    @Test func eAsksForTheEditorAndTheNoteShows() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let first = try #require(state.selectedRecord)
        state.handle(.character("e"))
        #expect(state.takeEffects() == [.editNote(recordID: first.id, text: "")])
        state.receive(.noteEdited(recordID: first.id, text: "Compare with Pestoff 2006.\n\n"))
        #expect(state.annotations[first.id].note == "Compare with Pestoff 2006.")
        let frame = FrameComposer.compose(state)
        #expect((0..<30).contains { frame.rowText($0).contains("Compare with Pestoff 2006.") })
        state.receive(.noteEdited(recordID: first.id, text: "Compare with Pestoff 2006.\n"))
        #expect(state.message == "note unchanged")
    }
}

@Suite struct MessageLogTests {
    @Test func bangShowsLoadWarningsAndEveryMessageSince() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.log("lib.bib:35: warning: entry broken2020, field author: a value is not closed; entry skipped")
        state.handle(.character("u"))
        state.handle(.character("j"))
        state.handle(.character("!"))
        guard case .pager(let pager)? = state.overlays.last else {
            Issue.record("! opens the messages in the pager")
            return
        }
        #expect(pager.title == "Messages")
        let frame = FrameComposer.compose(state)
        #expect(frame.rowText(1).hasPrefix("lib.bib:35: warning: entry broken2020"))
        #expect(frame.rowText(2).hasPrefix("nothing to undo"))
        #expect(state.messageLog.count == 2)
    }
}
