import Testing
import BrowserUI
import TerminalCanvas

/// Every tab at 100×30 and 60×20, body2021's Chinese, the help, the reader
/// opened on a ladder passage, and a terminal too small.
@Suite struct GoldenFrameTests {
    @Test(arguments: [(100, 30), (60, 20)])
    func everyTab(width: Int, height: Int) throws {
        for (digit, name) in [("1", "papers"), ("2", "events"), ("3", "transcripts"), ("4", "ladder")] {
            let (_, grid) = try Fixture.frame(width: width, height: height, keys: [.character(Character(digit))])
            GoldenFrames.check(grid, named: "\(name)-\(width)x\(height)")
        }
    }

    @Test func body2021DetailWithChineseTranslation() throws {
        let keys: [KeyPress] = [.character("j"), .tab, .character("G")]
        let (state, grid) = try Fixture.frame(width: 120, height: 30, keys: keys)
        #expect(state.selectedRecord?.id == "body2021")
        GoldenFrames.check(grid, named: "body2021-translation-120x30")
        // The right border column stays aligned after the Chinese rows.
        for y in 1..<29 { #expect(grid[48, y].text == "│") }
        let (_, narrow) = try Fixture.frame(width: 60, height: 20, keys: keys)
        GoldenFrames.check(narrow, named: "body2021-translation-60x20")
    }

    @Test func helpScreen() throws {
        let (_, grid) = try Fixture.frame(width: 100, height: 30, keys: [.character("?")])
        GoldenFrames.check(grid, named: "help-100x30")
    }

    @Test func pagerOnALadderPassage() throws {
        let keys: [KeyPress] = [.character("4"), .character("j"), .character("j"), .enter]
        let (_, grid) = try Fixture.frame(width: 100, height: 30, keys: keys)
        GoldenFrames.check(grid, named: "pager-doing-to-100x30")
    }

    @Test func ladderStoryAndMatrix() throws {
        let story = try Fixture.frame(width: 100, height: 30, keys: [.character("4")] + Array(repeating: .character("j"), count: 17))
        #expect(story.0.selectedLadderEntry?.title == "F.A.S.T")
        GoldenFrames.check(story.1, named: "ladder-story-100x30")
        let matrix = try Fixture.frame(width: 100, height: 30, keys: [.character("4"), .character("G")])
        GoldenFrames.check(matrix.1, named: "ladder-matrix-100x30")
    }

    @Test func ladderWithPlacements() throws {
        let stage = try Fixture.frame(width: 100, height: 30, keys: [.character("4"), .tab, .character("j"), .character("j")])
        GoldenFrames.check(stage.1, named: "ladder-placed-doing-with-100x30")
        let principle = try Fixture.frame(width: 100, height: 30, keys: [.character("L"), .character("q"), .character("4")]
            + Array(repeating: .character("j"), count: 7) + [.tab])
        #expect(principle.0.selectedLadderEntry?.title == "Blurring distinctions")
        GoldenFrames.check(principle.1, named: "ladder-placed-blurring-100x30")
    }

    @Test func placementEditor() throws {
        let (_, grid) = try Fixture.frame(width: 100, height: 30, keys: [.character("p"), .character("G"), .character(" ")])
        GoldenFrames.check(grid, named: "placement-editor-100x30")
    }

    @Test func tooSmall() throws {
        let (_, grid) = try Fixture.frame(width: 19, height: 5, keys: [])
        GoldenFrames.check(grid, named: "too-small-19x5")
    }

    @Test func searchPromptNarrowedListAndHighlights() throws {
        let typed: [KeyPress] = [.character("/")] + "co-prod".map { KeyPress.character($0) }
        GoldenFrames.check(try Fixture.frame(width: 100, height: 30, keys: typed).1, named: "search-prompt-100x30")
        let kept = typed + [.character("*"), .enter, .character("j")]
        GoldenFrames.check(try Fixture.frame(width: 60, height: 20, keys: kept).1, named: "search-kept-60x20")
        let error: [KeyPress] = [.character("/")] + "title:".map { KeyPress.character($0) }
        GoldenFrames.check(try Fixture.frame(width: 60, height: 20, keys: error).1, named: "search-error-60x20")
    }

    @Test func searchTabAcrossKinds() throws {
        let keys: [KeyPress] = [.character("s")] + "coerced OR accountability".map { KeyPress.character($0) } + [.enter]
        GoldenFrames.check(try Fixture.frame(width: 100, height: 30, keys: keys).1, named: "search-tab-100x30")
    }
}
