import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// The seed transcript page, paged as `ostrom page` shows it.
private func pagerState(width: Int = 100, height: Int = 30) throws -> AppState {
    let path = GoldenFrames.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/003_34389ad0f5bf4231.txt").path
    var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (width, height))
    state.quitsWithLastOverlay = true
    let pager = PagerState(title: "003_34389ad0f5bf4231.txt", text: try PagedText(path: path))
    // Frames are compared once the background line count is done.
    while !pager.lines.progress.complete { usleep(1000) }
    state.openPager(pager)
    return state
}

private func pager(_ state: AppState) -> PagerState? {
    if case .pager(let pager)? = state.overlays.last { return pager }
    return nil
}

private func screen(_ state: AppState) -> [String] {
    let grid = FrameComposer.compose(state)
    return (0..<grid.height).map(grid.rowText)
}

/// Waits for the background search and takes its outcome in.
private func settle(_ state: inout AppState) {
    for _ in 0..<500 {
        _ = state.tick()
        if pager(state)?.searchReported == .complete { return }
        usleep(2000)
    }
}

@Suite struct PagerTests {
    @Test func lessMovementKeysCountsAndEnds() throws {
        var state = try pagerState()
        #expect(screen(state)[1] == "Loading presentation...".padding(toLength: 100, withPad: " ", startingAt: 0))
        state.handle(.character("j"))
        #expect(screen(state)[1].hasPrefix("Present Remotely") == false && screen(state)[1].trimmingCharacters(in: .whitespaces).isEmpty)
        for key in "42g".map({ KeyPress.character($0) }) { state.handle(key) }
        #expect(screen(state)[1].hasPrefix("Defining Co-production"))
        state.handle(.character("G"))
        #expect(screen(state)[28].hasPrefix("Full transcript"))
        #expect(screen(state)[29].contains("100%"))
        state.handle(.character("g"))
        #expect(screen(state)[1].hasPrefix("Loading presentation"))
        for key in "50p".map({ KeyPress.character($0) }) { state.handle(key) }
        let middle = try #require(pager(state)).top
        #expect(middle > 0 && middle < (pager(state)?.text.count ?? 0))
        state.handle(.character("q"))
        #expect(state.shouldQuit)
    }

    @Test func wrapToggleKeepsTheLineAndNumbersShow() throws {
        var state = try pagerState(width: 60, height: 20)
        for key in "80g".map({ KeyPress.character($0) }) { state.handle(key) }
        let before = screen(state)[1]
        state.handle(.character("w"))
        #expect(screen(state)[1].prefix(40) == before.prefix(40))
        #expect(screen(state)[2].hasPrefix("Doing 'for'"))
        state.handle(.character("#"))
        #expect(screen(state)[1].hasPrefix("     80 The first rungs"))
        state.handle(.right)
        #expect(screen(state)[1].hasPrefix("     80 ") && !screen(state)[1].contains("The first rungs"))
    }

    @Test func colonGoesToALine() throws {
        var state = try pagerState()
        for key in ":85".map({ KeyPress.character($0) }) + [.enter] { state.handle(key) }
        #expect(screen(state)[1].hasPrefix("Stories of co-production"))
        #expect(screen(state)[29].hasPrefix(" line 85/145"))
    }

    @Test func escapeCancelsASearchAndKeepsThePlace() throws {
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (80, 24))
        state.openPager(PagerState(title: "slow", text: PagedText(text: String(repeating: "a", count: 48 << 20))))
        state.handle(.character(" "))
        let place = pager(state)?.top
        for key in [.character("/"), .character("a"), .character("b"), .enter] as [KeyPress] { state.handle(key) }
        #expect(state.hasRunningWork)
        _ = state.tick()
        #expect(pager(state)?.message?.hasPrefix("searching…") == true)
        state.handle(.escape)
        #expect(!state.hasRunningWork)
        #expect(pager(state)?.message == "search cancelled")
        #expect(pager(state)?.top == place)
        #expect(state.overlays.count == 1)
    }

    @Test func marksRememberPlaces() throws {
        var state = try pagerState()
        state.handle(.character("m"))
        state.handle(.character("a"))
        state.handle(.character(" "))
        let paged = try #require(pager(state)).top
        state.handle(.character("'"))
        state.handle(.character("a"))
        #expect(pager(state)?.top == 0)
        state.handle(.character("'"))
        state.handle(.character("'"))
        #expect(pager(state)?.top == paged)
    }

    @Test func searchJumpsHighlightsAndCounts() throws {
        var state = try pagerState()
        state.handle(.character("/"))
        for key in "peer support".map({ KeyPress.character($0) }) { state.handle(key) }
        #expect(screen(state)[29].hasPrefix("/peer support"))
        state.handle(.enter)
        settle(&state)
        let first = try #require(pager(state)?.match)
        #expect(state.overlays.count == 1)
        let frame = FrameComposer.compose(state)
        #expect((0..<30).contains { y in (0..<100).contains { frame[$0, y].role == .match } })
        #expect(pager(state)?.message == "match 1 of 7")
        state.handle(.character("n"))
        settle(&state)
        #expect((pager(state)?.match?.lowerBound ?? 0) > first.lowerBound)
        #expect(pager(state)?.message == "match 2 of 7")
        state.handle(.character("N"))
        settle(&state)
        #expect(pager(state)?.match == first)
        state.handle(.character("?"))
        for key in "zzzq".map({ KeyPress.character($0) }) { state.handle(key) }
        state.handle(.enter)
        settle(&state)
        #expect(pager(state)?.message == "pattern not found")
    }

    @Test(arguments: [(100, 30), (60, 20)])
    func goldenFramesWrappedAndCut(width: Int, height: Int) throws {
        var state = try pagerState(width: width, height: height)
        for key in "80p".map({ KeyPress.character($0) }) { state.handle(key) }
        GoldenFrames.check(FrameComposer.compose(state), named: "pager-wrapped-\(width)x\(height)")
        state.handle(.character("w"))
        GoldenFrames.check(FrameComposer.compose(state), named: "pager-cut-\(width)x\(height)")
    }
}

@Suite struct PagerSectionTests {
    @Test func bracketsMoveBetweenHeadingsAndTListsThem() throws {
        // The whole page: its furniture has a heading too ("Do you really want to delete this prezi?").
        var state = try pagerState()
        state.handle(.character("]"))
        #expect(screen(state)[1].hasPrefix("Do you really want to delete this prezi?"))
        state.handle(.character("]"))
        state.handle(.character("]"))
        #expect(screen(state)[1].hasPrefix("In Elinor Ostrom's* words"))
        state.handle(.character("["))
        #expect(screen(state)[1].hasPrefix("Other definitions"))
        state.handle(.character("t"))
        #expect(screen(state)[29].hasPrefix(" Contents 2/20"))
        #expect(FrameComposer.compose(state).rowRoles(2).hasPrefix("SSS"))
        for _ in 0..<5 { state.handle(.character("j")) }
        state.handle(.enter)
        #expect(screen(state)[1].hasPrefix("Doing 'to'"))
        state.handle(.character("t"))
        GoldenFrames.check(FrameComposer.compose(state), named: "pager-contents-100x30")
    }
}

@Suite struct ReadingPositionStateTests {
    @Test func aTranscriptReopensWhereItWasLeft() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("3"))
        state.handle(.enter)
        state.handle(.character(" "))
        let place = try #require(pager(state)).top
        #expect(place > 0)
        state.handle(.character("q"))
        #expect(state.takeEffects() == [.saveReadingPositions(ReadingPositions(offsets: ["record:nef2014": place]))])
        state.handle(.enter)
        #expect(pager(state)?.top == place)
    }
}

@Suite struct PagerFilterTests {
    @Test func ampersandShowsOnlyMatchingLines() throws {
        var state = try pagerState(width: 200, height: 30)
        state.handle(.character("w"))
        for key in "&peer".map({ KeyPress.character($0) }) + [.enter] { state.handle(key) }
        let shown = screen(state)[1..<29].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(shown.count == 12)
        #expect(shown.allSatisfy { $0.lowercased().contains("peer") })
        #expect(screen(state)[29].contains("&peer"))
        state.handle(.character("j"))
        #expect(screen(state)[1].trimmingCharacters(in: .whitespaces) == shown[1])
        state.handle(.character("G"))
        #expect(screen(state)[1].trimmingCharacters(in: .whitespaces) == shown[0])
        for key in [.character("&"), .enter] as [KeyPress] { state.handle(key) }
        #expect(pager(state)?.filter == nil)
        #expect(screen(state)[2].trimmingCharacters(in: .whitespaces).lowercased().contains("peer") == false)
    }

    @Test func upwardMovesStayOnMatchingLinesWhenWrapping() throws {
        var state = try pagerState(width: 100, height: 30)
        for key in "&peer".map({ KeyPress.character($0) }) + [.enter, .character("G")] { state.handle(key) }
        let top = try #require(pager(state)).top
        let text = try #require(pager(state)).text
        let line = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[text.lineStart(containing: top)..<text.lineEnd(from: top)]), as: UTF8.self)
        #expect(line.lowercased().contains("peer"))
    }
}

/// A single 10 MB line: the end, a row up, and a match deep inside, each
/// shown without laying out the line from its start.
@Suite struct LongLineTests {
    private func longLineState() -> AppState {
        let body = String(repeating: "abcdefghij", count: 1_000_000) + "zyzzyva" + String(repeating: "k", count: 5000)
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (80, 24))
        state.openPager(PagerState(title: "long", text: PagedText(text: "first line\n" + body + "\n")))
        return state
    }

    @Test func endOfAHugeLastLine() throws {
        var state = longLineState()
        state.handle(.character("G"))
        let rows = screen(state)
        #expect(rows[22].trimmingCharacters(in: .whitespaces).allSatisfy { $0 == "k" })
        #expect(rows[23].contains("100%"))
        let end = try #require(pager(state)).top
        state.handle(.character("k"))
        #expect(try #require(pager(state)).top == end - 80)
        state.handle(.character("j"))
        #expect(pager(state)?.top == end)
    }

    /// A letter with 500 combining marks is longer than the bytes a row
    /// decodes: `G` looped for ever on it, and so did moving through it.
    @Test func aCharacterLongerThanARowsWindowIsShownAndPassed() throws {
        let text = "t\n\nx a" + String(repeating: "\u{301}", count: 500) + " y\n" + (1...40).map { "line \($0)" }.joined(separator: "\n") + "\n"
        for wrap in [true, false] {
            var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (80, 24))
            state.openPager(PagerState(title: "marks", text: PagedText(text: text)))
            if !wrap { state.handle(.character("w")) }
            state.handle(.character("G"))
            let end = screen(state)
            #expect(end.contains { $0.hasPrefix("line 40 ") } && end[23].contains("100%"), "wrap \(wrap)")
            state.handle(.character("g"))
            #expect(screen(state)[3].hasPrefix("x "), "wrap \(wrap)")
            for _ in 0..<4 { state.handle(.character("j")) }
            // Past the line of marks, however many rows it takes.
            #expect(screen(state)[1].hasPrefix("line "), "wrap \(wrap)")
        }
        // The issue's own file, at 100×30: `G` never returned.
        var exact = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30))
        exact.openPager(PagerState(title: "c.txt", text: PagedText(text: "t\n\nx a" + String(repeating: "\u{301}", count: 500) + " y\n")))
        exact.handle(.character("G"))
        #expect(screen(exact)[29].contains("100%"))
        // The letter and its marks make one row, whole.
        let row = PagerRows.row(in: PagedText(text: "a" + String(repeating: "\u{301}", count: 500) + "b\n"), at: 0, width: 10, wrap: true, column: 0)
        #expect(row.pieces.map(\.bytes) == [0..<1001, 1001..<1002])
    }

    @Test func matchDeepInsideTheLineIsOnScreen() throws {
        var state = longLineState()
        for key in "/zyzzyva".map({ KeyPress.character($0) }) + [.enter] { state.handle(key) }
        for _ in 0..<500 where pager(state)?.searchReported != .complete {
            _ = state.tick()
            usleep(2000)
        }
        #expect(screen(state)[1...22].contains { $0.contains("zyzzyva") })
    }

    @Test func wrapToggleAndSidewaysScrollKeepTheirPlaceInTheLine() throws {
        var state = longLineState()
        state.handle(.character("G"))
        let topRow = screen(state)[1]
        state.handle(.character("w"))
        // Cut: the same stretch of the line, now seen from that column.
        #expect(screen(state)[1] == topRow)
        #expect((pager(state)?.column ?? 0) > PagerRows.longLine)
        for _ in 0..<3 { state.handle(.right) }
        #expect((pager(state)?.column ?? 0) > PagerRows.longLine + 100)
        state.handle(.character("w"))
        #expect(pager(state)?.wrap == true)
        #expect(screen(state)[1].allSatisfy { $0 == "k" || $0 == " " })
    }

    /// Prose wraps at words by default; `w` cuts long lines, then wraps
    /// them at any character (as less), then at words again. A word longer
    /// than the row is cut.
    @Test func wCyclesWordsCutAndCharacters() throws {
        var state = try Fixture.state(width: 24, height: 8)
        let long = String(repeating: "x", count: 30)
        state.openPager(PagerState(title: "prose", text: PagedText(text: "the ladder of co-production runs from doing to to doing with \(long) end\n")))
        func rows(_ range: ClosedRange<Int>) -> [String] {
            screen(state)[range].map { String($0.reversed().drop { $0 == " " }.reversed()) }
        }
        #expect(rows(1...5) == ["the ladder of", "co-production runs from", "doing to to doing with", String(long.prefix(24)), "xxxxxx end"])
        state.handle(.character("w"))
        #expect(pager(state)?.wrapping == PagerState.Wrapping.none && rows(1...1) == ["the ladder of co-product"])
        #expect(pager(state)?.message == "long lines cut (← → scroll)")
        state.handle(.character("w"))
        #expect(pager(state)?.wrapping == .character && rows(1...2) == ["the ladder of co-product", "ion runs from doing to t"])
        state.handle(.character("w"))
        #expect(pager(state)?.wrapping == .word && rows(1...1) == ["the ladder of"])
    }
}

/// The line count's progress is drawn on the tick, no key needed, with or
/// without line numbers, and the row once more when the count is done.
@Suite struct PagerCountingTests {
    @Test func countingLinesIsRedrawnOnTheTickAlone() throws {
        let text = PagedText(text: String(repeating: "co-production of public services\n", count: 1_000))
        let lines = LineIndex(text: text)
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30))
        state.openPager(PagerState(title: "big", text: text, lines: lines))
        let first = state.tick(), second = state.tick()
        #expect(first && second, "redrawn on every tick while counting")
        #expect(FrameComposer.compose(state).rowText(29).contains("counting lines 0%"))
        lines.build()
        let last = state.tick()
        #expect(last, "redrawn once when the count is done")
        #expect(FrameComposer.compose(state).rowText(29).contains("line 1/1000"))
        let after = state.tick()
        #expect(!after)
    }
}
