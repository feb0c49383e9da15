import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// From a rung, principle or level to the records and stories placed on
/// it and back; `L` from a record to its place; `p` setting a place.
@Suite struct LadderNavigationTests {
    private func onDoingWith() throws -> AppState {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        #expect(state.selectedLadderEntry?.title == "Doing with")
        return state
    }

    private func text(_ state: AppState) -> String {
        let grid = FrameComposer.compose(state)
        return (0..<grid.height).map { grid.rowText($0) }.joined(separator: "\n")
    }

    @Test func aStageListsItsRecordsAndStoriesRankedByEvidence() throws {
        let state = try onDoingWith()
        let items = state.selectedPlacedItems
        let records = items.compactMap { if case .record(let index, _, _) = $0 { state.records[index].id } else { nil } }
        #expect(records.first == "nef2014")
        #expect(Set(records) == ["nef2014", "tuurnas2016", "loeffler2020", "mcmullin2018", "body2021"])
        #expect(items.filter { if case .story = $0 { true } else { false } }.count == 3)
        #expect(items.map(\.score) == items.map(\.score).sorted(by: >))
        let lines = state.detailLines(width: 60).map { $0.spans.map(\.text).joined() }
        #expect(lines.contains { $0.hasPrefix("Placed here (8) — Tab, then j/k and Enter, opens one") })
    }

    @Test func enterOpensAPlacedRecordAndQComesBack() throws {
        var state = try onDoingWith()
        state.handle(.tab)
        state.handle(.character("j"))
        guard case .record(let index, _, _) = state.selectedPlacedItems[1] else {
            Issue.record("the second placed item is a record")
            return
        }
        let listBefore = state.currentList
        state.handle(.enter)
        #expect(state.tab == .papers || state.tab == .events)
        #expect(state.selectedRecord?.id == state.records[index].id)
        #expect(state.message == "q goes back to the ladder")
        state.handle(.character("q"))
        #expect(!state.shouldQuit)
        #expect(state.tab == .ladder && state.focus == .detail && state.placedSelected == 1 && state.currentList == listBefore)
        state.handle(.character("Q"))
        #expect(state.shouldQuit)
    }

    @Test func enterOnAStorySelectsItOnTheLadder() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        // The principles: People as assets is the first.
        while state.selectedLadderEntry?.title != "Peer support" { state.handle(.character("j")) }
        state.handle(.tab)
        let stories = state.selectedPlacedItems.enumerated().filter { if case .story = $0.element { true } else { false } }
        #expect(stories.count == 3)
        for _ in 0..<(stories.first?.offset ?? 0) { state.handle(.character("j")) }
        state.handle(.enter)
        #expect(state.tab == .ladder)
        #expect(state.focus == .list)
        if case .story = state.selectedLadderEntry?.kind {} else { Issue.record("a story is selected") }
        state.handle(.character("q"))
        #expect(state.selectedLadderEntry?.title == "Peer support")
    }

    @Test func capitalLJumpsFromARecordToItsPlaceAndBack() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let record = try #require(state.selectedRecord)
        #expect(record.id == "tuurnas2016")
        state.handle(.character("L"))
        #expect(state.tab == .ladder)
        #expect(state.selectedLadderEntry?.title == "Doing with")
        #expect(state.focus == .detail)
        guard case .record(let index, _, _) = state.selectedPlacedItems[state.placedSelected] else {
            Issue.record("the record is selected in Placed here")
            return
        }
        #expect(state.records[index].id == "tuurnas2016")
        #expect(text(state).contains("tuurnas2016 on the ladder: Doing with — q goes back"))
        state.handle(.character("q"))
        #expect(state.tab == .papers && state.selectedRecord?.id == "tuurnas2016")
    }

    @Test func theDetailPaneShowsThePlaceAndMarkedEvidence() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("j"))
        #expect(state.selectedRecord?.id == "body2021")
        let lines = state.detailLines(width: 60)
        let texts = lines.map { $0.spans.map(\.text).joined() }
        #expect(texts.contains { $0.hasPrefix("Ladder   Doing with (suggested; L goes there, p changes it)") })
        #expect(texts.contains("Evidence for the ladder"))
        let coerced = try #require(lines.first { $0.spans.contains { $0.text == "coerced" } })
        #expect(coerced.spans.first { $0.text == "coerced" }?.role == .match)
    }

    @Test func pSetsThePlaceUUndoesAndRGoesBackToTheSuggestion() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("j"))
        state.handle(.character("p"))
        #expect(text(state).contains("Place body2021 on the ladder — now suggested"))
        #expect(text(state).contains("(•) Doing with  score 11  ← suggested"))
        // Stage rows run: not placed, with, for, to; the cursor starts on "with".
        state.handle(.character("j"))
        state.handle(.character("j"))
        state.handle(.character(" "))
        state.handle(.enter)
        #expect(state.screenKind == .browse)
        #expect(state.annotations["body2021"].placement == PlacementChoice(stage: "Doing to"))
        #expect(state.takeEffects().count == 1)
        #expect(state.message == "placed body2021: Doing to; no level (set by you; u undoes)")
        #expect(state.detailLines(width: 60).contains { $0.spans.map(\.text).joined().hasPrefix("Ladder   Doing to (set by you") })
        state.handle(.character("u"))
        #expect(state.annotations["body2021"].placement == nil)
        state.handle(.character("p"))
        state.handle(.character("r"))
        #expect(state.message == "placement unchanged (it is the suggestion)")
        state.handle(.character("p"))
        state.handle(.character("G"))
        state.handle(.character("x"))
        state.handle(.character("s"))
        #expect(state.annotations["body2021"].placement?.principles == ["Facilitating rather than delivering"])
        state.handle(.character("p"))
        state.handle(.character("r"))
        #expect(state.annotations["body2021"].placement == nil)
        #expect(state.message?.hasPrefix("body2021 is back to the suggested place: Doing with") == true)
    }

    @Test func placementWordsNarrowTheList() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("/"))
        for character in "level:trans" { state.handle(.character(character)) }
        #expect(state.listing(in: .papers).map { state.records[$0].id } == ["tuurnas2016"])
        for character in " stage:sideways" { state.handle(.character(character)) }
        #expect(state.prompt?.error == "no stage “sideways” (to, for, with)")
        #expect(state.listing(in: .papers).map { state.records[$0].id } == ["tuurnas2016"])
    }
}
