import Testing
@testable import BrowserUI
import OstromCore

/// Where the panes go: a list of titles stacks above the detail pane below
/// 120 columns, so that at 100 a title gets at least half the width; the
/// ladder's list, without titles, stays beside its detail from 100.
@Suite struct LayoutTests {
    @Test(arguments: [Tab.papers, .events, .transcripts, .search])
    func atAHundredColumnsATitleGetsHalfTheWidth(tab: Tab) throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character(Character(String(tab.rawValue + 1))))
        if tab == .search {
            state.handle(.character("/"))
            for character in "co-production" { state.handle(.character(character)) }
            state.handle(.enter)
        }
        #expect(state.tab == tab)
        let record = try #require(state.selectedRecord)
        let row = FrameComposer.compose(state).rowText(1)
        // The longest start of the title the row shows: all of it, or 50
        // characters and more.
        let shown = (1...record.title.count).last { row.contains(record.title.prefix($0)) } ?? 0
        #expect(shown == record.title.count || shown >= 50, "\(tab): \(row)")
    }

    @Test func sideBySideFromAHundredAndTwentyColumnsOrAHundredForTheLadder() {
        #expect(!BrowseLayout(width: 119, height: 30).sideBySide && BrowseLayout(width: 120, height: 30).sideBySide)
        #expect(BrowseLayout(width: 100, height: 30, listsTitles: false).sideBySide)
        #expect(!BrowseLayout(width: 99, height: 30, listsTitles: false).sideBySide)
        let stacked = BrowseLayout(width: 100, height: 30)
        #expect(stacked.list.width == 100 && stacked.detail.y > stacked.list.maxY - 1)
    }
}
