import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `Esc` in the browser clears the kept search, then the starred-only view.
@Suite struct ClearSearchTests {
    @Test func escClearsTheKeptSearchThenStarredOnlyKeepingTheSelection() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let all = state.listing(in: .papers)
        for key in [.character("/")] + "coerced".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.listing(in: .papers).count == 1)
        let kept = try #require(state.selectedRecord)
        state.handle(.escape)
        #expect(state.message == "search cleared" && state.listing(in: .papers) == all && state.selectedRecord?.id == kept.id)
        state.handle(.character("m"))
        state.handle(.character("*"))
        state.handle(.escape)
        #expect(state.message == "all records" && !state.starredOnly)
        state.handle(.escape)
        #expect(state.message == nil && !state.shouldQuit)
    }
}

/// Enter on a hit of the Search tab opens the record in its own tab.
@Suite struct SearchHitOpensTests {
    @Test func enterOnAHitGoesToItsTabSelectedAndQComesBack() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("s")] + "loeffler".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.tab == .search)
        let hit = try #require(state.selectedRecord)
        #expect(hit.kind == .event)
        state.handle(.enter)
        #expect(state.tab == .events && state.selectedRecord?.id == hit.id)
        #expect(state.message == "\(hit.id) in Events (q goes back to the search)")
        state.handle(.character("q"))
        #expect(state.tab == .search && state.filters[.search] != nil)
    }
}

/// Each hit of the Search tab takes two lines: its kind, year, first
/// author or speaker and title, then the sentence that matched; moving,
/// paging and clicking go by hits.
@Suite struct SearchTabRowsTests {
    @Test func everyKindShowsItsYearPeopleTitleAndTheSentenceThatMatched() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [.character("s")] + "co-production".map(KeyPress.character) + [.enter] { state.handle(key) }
        let listing = state.listing(in: .search)
        let kinds = Set(listing.map { state.records[$0].kind })
        #expect(kinds == [.paper, .event, .transcript])
        let frame = FrameComposer.compose(state)
        for (position, index) in listing.prefix(state.visibleRows).enumerated() {
            let record = state.records[index]
            let first = frame.rowText(1 + 2 * position), second = frame.rowText(2 + 2 * position)
            let year = String(try #require(record.year))
            let person = try #require(RecordTable.peopleSummary(record.people).split(separator: " ").first)
            #expect(first.contains(record.kind.rawValue) && first.contains(year) && first.contains(person), "\(first)")
            #expect(first.contains(String(record.title.prefix(20))), "\(first)")
            #expect(second.lowercased().contains("co-production"), "\(second)")
        }
        #expect(state.visibleRows == state.layout.list.height / 2)
        // A click on a hit's second line selects that hit.
        state.handle(.mouse(MouseEvent(kind: .press, x: 10, y: state.layout.list.y + 3)))
        #expect(state.currentList.selected == 1)
        state.handle(.character("j"))
        #expect(state.currentList.selected == 2)
    }
}
