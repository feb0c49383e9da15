import Testing
@testable import TerminalCanvas

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCellsAndClipWhole() {
        var grid = CellGrid(width: 7, height: 1)
        let used = grid.put("合作ab", x: 0, y: 0, role: .normal)
        #expect(used == 6)
        #expect(grid.rowText(0) == "合作ab ")
        #expect(grid[1, 0].isContinuation && grid[3, 0].isContinuation)
        var clipped = CellGrid(width: 5, height: 1)
        clipped.put("ab合作", x: 0, y: 0, role: .normal)
        #expect(clipped.rowText(0) == "ab合 ")
    }

    @Test func overwritingHalfAWideCharacterLeavesNoStaleHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("合作合", x: 0, y: 0, role: .normal)
        grid.put("x", x: 1, y: 0, role: .normal)
        #expect(grid.rowText(0) == " x作合")
        grid.put("y", x: 2, y: 0, role: .normal)
        #expect(grid.rowText(0) == " xy 合")
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func controlCharactersAreDrawnVisibly() {
        var grid = CellGrid(width: 20, height: 1)
        grid.put("a\u{1B}[2J\u{9B}\u{202E}", x: 0, y: 0, role: .normal)
        #expect(grid.rowText(0) == "a^[[2J<U+009B><U+202")
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    @Test func combiningMarksStayInTheirCell() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("e\u{301}x", x: 0, y: 0, role: .normal)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid.rowText(0) == "e\u{301}x  ")
    }

    @Test func putRespectsLimitAndBounds() {
        var grid = CellGrid(width: 4, height: 2)
        #expect(grid.put("abcdef", x: 1, y: 1, role: .title, limit: 2) == 2)
        #expect(grid.rowText(1) == " ab ")
        #expect(grid.rowRoles(1) == ".BB.")
        #expect(grid.put("zz", x: 0, y: 5, role: .normal) == 0)
    }

    @Test func snapshotShowsRowsAndRoles() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("ab", x: 0, y: 0, role: .heading)
        #expect(grid.snapshot() == "|ab |\n\n|##.|\n")
    }
}

@Suite struct FrameDiffTests {
    @Test func onlyChangedCellsAreWritten() {
        var old = CellGrid(width: 10, height: 2)
        old.put("hello", x: 0, y: 0, role: .normal)
        var new = old
        new.put("J", x: 0, y: 0, role: .normal)
        new.put("!", x: 9, y: 1, role: .normal)
        let runs = FrameDiff.runs(from: old, to: new)
        #expect(runs.map { "\($0.x),\($0.y):" + $0.cells.map(\.text).joined() } == ["0,0:J", "9,1:!"])
    }

    @Test func wideCharactersAreWrittenWhole() {
        var old = CellGrid(width: 4, height: 1)
        old.put("合作", x: 0, y: 0, role: .normal)
        var new = old
        new.put("合", x: 2, y: 0, role: .selection)
        let runs = FrameDiff.runs(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs.first?.x == 2)
        #expect(runs.first?.cells.map(\.text) == ["合", ""])
    }

    @Test func resizeOrFirstFrameWritesEverything() {
        let grid = CellGrid(width: 3, height: 2)
        #expect(FrameDiff.runs(from: nil, to: grid).reduce(0) { $0 + $1.cells.count } == 6)
        #expect(FrameDiff.runs(from: CellGrid(width: 2, height: 2), to: grid).reduce(0) { $0 + $1.cells.count } == 6)
        #expect(FrameDiff.runs(from: grid, to: grid).isEmpty)
    }
}

@Suite struct RectTests {
    @Test func splits() {
        let rect = Rect(x: 0, y: 0, width: 100, height: 30)
        #expect(rect.splitTop(1).rest == Rect(x: 0, y: 1, width: 100, height: 29))
        #expect(rect.splitBottom(1).bottom == Rect(x: 0, y: 29, width: 100, height: 1))
        #expect(rect.splitLeft(40).rest == Rect(x: 40, y: 0, width: 60, height: 30))
        #expect(rect.splitTop(50).rest.isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).isEmpty)
    }
}

@Suite struct HyperlinkTests {
    @Test func onlyPlainHTTPAddressesAreKeptAndClippedToTheGrid() {
        var grid = CellGrid(width: 10, height: 2)
        grid.addLink("https://doi.org/10.1/x", x: 6, y: 0, width: 8)
        grid.addLink("javascript:alert(1)", x: 0, y: 1, width: 3)
        grid.addLink("https://example.org/\u{1B}]8;;evil", x: 0, y: 1, width: 3)
        grid.addLink("https://example.org/a b", x: 0, y: 1, width: 3)
        grid.addLink("https://example.org/", x: 0, y: 5, width: 3)
        #expect(grid.links == [Hyperlink(url: "https://doi.org/10.1/x", x: 6, y: 0, width: 4)])
    }
}
