import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

@Suite struct AppStateTests {
    /// `q` closes one thing at a time: the reader, the detail focus, the
    /// kept search, the tab shown before; at the top it asks.
    @Test func qClosesViewsOneStepAtATimeThenAsks() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("/")] + "coerced".map(KeyPress.character) + [.enter] { state.handle(key) }
        state.handle(.character("3"))
        #expect(state.tab == .transcripts)
        state.handle(.enter)
        guard case .pager(let pager)? = state.overlays.last else {
            Issue.record("Enter on a transcript opens the pager")
            return
        }
        #expect(pager.title == "Co-production: theory and practice")
        #expect(FrameComposer.compose(state).rowText(1).hasPrefix("Defining Co-production"))
        state.handle(.character("q"))
        #expect(state.overlays.isEmpty && !state.shouldQuit)
        state.handle(.tab)
        #expect(state.focus == .detail)
        state.handle(.character("q"))
        #expect(state.focus == .list && state.tab == .transcripts)
        state.handle(.character("q"))
        #expect(state.tab == .papers && state.message == "back on Papers" && state.filters[.papers] != nil)
        state.handle(.character("q"))
        #expect(state.filters[.papers] == nil && state.message == "search cleared")
        state.handle(.character("q"))
        #expect(state.confirmingQuit && state.message == "quit? y/n (Q quits at once)" && !state.shouldQuit)
        state.handle(.character("n"))
        #expect(!state.shouldQuit && state.message == "not quitting")
        state.handle(.character("q"))
        state.handle(.character("y"))
        #expect(state.shouldQuit)
    }

    @Test func withoutConfirmationQAtTheTopQuits() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.asksBeforeQuitting = false
        state.handle(.character("?"))
        state.handle(.character("q"))
        #expect(!state.shouldQuit)
        state.handle(.character("q"))
        #expect(state.shouldQuit && !state.confirmingQuit)
    }

    @Test func capitalQQuitsFromAnywhere() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("?"))
        state.handle(.character("Q"))
        #expect(state.shouldQuit)
    }

    @Test func ladderEnterOpensTheTranscriptAtThePassage() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        #expect(state.selectedLadderEntry?.title == "Doing with")
        state.handle(.enter)
        guard case .pager(let pager)? = state.overlays.last else {
            Issue.record("no pager")
            return
        }
        // Line 84 of the file is the 43rd line of the transcript body, highlighted at the top.
        let frame = FrameComposer.compose(state)
        #expect(frame.rowText(1).hasPrefix("The most advanced stages of the pathway"))
        #expect(frame[0, 1].role == .match)
        #expect(pager.passage != nil)
        state.handle(.character("q"))
        #expect(state.tab == .ladder && state.overlays.isEmpty)
    }

    @Test func ladderSelectionSkipsHeadings() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        for _ in 0..<3 { state.handle(.character("j")) }
        #expect(state.selectedLadderEntry?.title == "People as assets")
        state.handle(.character("k"))
        #expect(state.selectedLadderEntry?.title == "Doing to")
        state.handle(.character("g"))
        #expect(state.selectedLadderEntry?.title == "Doing with")
        #expect(state.currentList.offset == 0)
    }

    @Test func focusedDetailScrollsAndTheListDoesNot() throws {
        var state = try Fixture.state(width: 120, height: 30)
        state.handle(.tab)
        #expect(state.focus == .detail)
        state.handle(.control("d"))
        #expect(state.currentList.detailOffset == 14)
        #expect(state.currentList.selected == 0)
        state.handle(.backTab)
        state.handle(.character("j"))
        #expect(state.currentList.selected == 1 && state.currentList.detailOffset == 0)
    }

    @Test func pagerKeepsItsPlaceAcrossAResize() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("3"))
        state.handle(.enter)
        state.handle(.character(" "))
        let before = FrameComposer.compose(state).rowText(1)
        state.size = (40, 12)
        state.handle(.resize)
        #expect(before.hasPrefix(String(FrameComposer.compose(state).rowText(1).prefix(39))))
    }

    @Test func vReadsAnyRecordInThePager() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("j"))
        state.handle(.character("v"))
        guard case .pager(let pager)? = state.overlays.last else {
            Issue.record("v opens the pager")
            return
        }
        #expect(pager.title.hasPrefix("Collective co-production"))
        let text = (0..<30).map(FrameComposer.compose(state).rowText).joined()
        #expect(text.contains("Translation (zh)"))
        state.handle(.character("q"))
        #expect(state.overlays.isEmpty && !state.shouldQuit)
    }

    @Test func mouseSelectsTabsRowsAndScrolls() throws {
        var state = try Fixture.state(width: 120, height: 30)
        let eventsTab = try #require(HeaderBar.tabs().first { $0.tab == .events })
        state.handle(.mouse(MouseEvent(kind: .press, x: eventsTab.x + 2, y: 0)))
        #expect(state.tab == .events)
        state.handle(.mouse(MouseEvent(kind: .press, x: 5, y: 2)))
        #expect(state.currentList.selected == 1 && state.focus == .list)
        state.handle(.mouse(MouseEvent(kind: .wheelDown, x: 60, y: 10)))
        #expect(state.focus == .detail && state.currentList.detailOffset == 3)
    }

    @Test func unboundKeySaysSoInTheStatusLine() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("x"))
        #expect(state.message == "x does nothing here — ? shows the keys")
        let grid = FrameComposer.compose(state)
        #expect(grid.rowText(29).contains("x does nothing here"))
    }

    @Test func everySizeRendersWithoutCrashing() throws {
        var state = try Fixture.state(width: 1, height: 1)
        for keys in [[KeyPress](), [.character("4")], [.character("3"), .enter], [.character("?")], [.character("1"), .tab, .character("G")]] {
            for key in keys { state.handle(key) }
            for width in [1, 2, 5, 19, 20, 21, 40, 99, 100, 101, 200] {
                for height in [1, 2, 5, 6, 7, 12, 30, 60] {
                    state.size = (width, height)
                    let grid = FrameComposer.compose(state)
                    #expect(grid.width == width && grid.height == height)
                }
            }
            state.overlays.removeAll()
        }
    }
}

@Suite struct AppDriverTests {
    @Test func driverRendersEveryKeyAndWritesOnlyChanges() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30, keys: [.character("j"), .character("2"), .character("Q")])
        let driver = AppDriver(state: try Fixture.state(width: 1, height: 1), backend: terminal)
        driver.runUntilIdle()
        #expect(driver.state.shouldQuit)
        #expect(terminal.frames.count == 3)
        let cellsWritten = terminal.writtenRuns.map { $0.reduce(0) { $0 + $1.cells.count } }
        #expect(cellsWritten[0] == 3000)
        #expect(cellsWritten[1] < 3000)
    }
}

@Suite struct DetailScrollingTests {
    @Test(arguments: [(100, 30), (60, 20), (30, 10)])
    func bottomOfTheDetailShowsItsLastLine(width: Int, height: Int) throws {
        let (_, grid) = try Fixture.frame(width: width, height: height, keys: [.character("j"), .tab, .character("G")])
        let screen = (0..<grid.height).map(grid.rowText).joined(separator: "\n")
        #expect(screen.contains("什么。"), "the end of body2021's Chinese abstract is not shown:\n\(screen)")
    }
}

@Suite struct SafeTextOnScreenTests {
    /// A record whose text carries escape sequences, C1 controls and bidi
    /// overrides, shown in the list, the detail pane, the reader and the
    /// status line: every cell holds printable text only.
    @Test func documentControlBytesNeverReachTheGrid() throws {
        let evil = "Evil\u{1B}]0;owned\u{07} \u{9B}2J \u{202E}gnp.exe"
        var record = Record(id: "evil2020", kind: .transcript, title: evil)
        record.authors = [Person(literal: evil)]
        record.date = PartialDate(year: 2020)
        record.body = evil + "\nsecond line\u{1B}[31m"
        var state = AppState(records: [record], ladder: nil, now: Fixture.now, size: (100, 30))
        state.handle(.character("3"))
        var frames = [FrameComposer.compose(state)]
        state.handle(.enter)
        frames.append(FrameComposer.compose(state))
        state.handle(.character("\u{1B}"))
        frames.append(FrameComposer.compose(state))
        for grid in frames {
            for cell in grid.cells {
                #expect(!cell.text.unicodeScalars.contains { TerminalSafeText.isUnsafe($0) }, "unsafe cell \(cell.text.unicodeScalars.map(\.value))")
            }
        }
        let list = (0..<30).map(frames[0].rowText).joined(separator: "\n")
        #expect(list.contains("Evil^[]0;owned^G <U+009B>2J <U+202E>gnp.exe"))
        #expect((0..<30).map(frames[1].rowText).joined().contains("second line^[[31m"))
    }

    @Test func matrixOpensAtItsAxisLine() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        state.handle(.character("G"))
        state.handle(.enter)
        guard case .pager = state.overlays.last else {
            Issue.record("Enter on the matrix opens the transcript")
            return
        }
        #expect(FrameComposer.compose(state).rowText(1).hasPrefix("Who plans/designs?"))
    }
}
