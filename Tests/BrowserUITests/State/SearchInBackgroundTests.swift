import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// A large library's queries are searched on another thread: the prompt
/// answers each key at once, the hits come on the tick, and only the last
/// query typed is searched once keys come faster than searches.
@Suite(.serialized) struct SearchInBackgroundTests {
    private func states() throws -> (inBackground: AppState, atOnce: AppState) {
        let atOnce = try Fixture.state(width: 100, height: 30)
        var inBackground = atOnce
        inBackground.searchesInBackgroundFrom = 1
        return (inBackground, atOnce)
    }

    private func type(_ text: String, into state: inout AppState) {
        for character in text { state.handle(.character(character)) }
    }

    /// Waits for the search on the queue, then ticks: true when hits came.
    private func hitsCome(to state: inout AppState) -> Bool {
        SearchInBackground.queue.sync {}
        return state.tick()
    }

    @Test func theHitsComeOnTheTickAsASearchAtOnceListsThem() throws {
        var (state, expected) = try states()
        for key in [.character("/")] + "partic".map(KeyPress.character) { expected.handle(key) }
        state.handle(.character("/"))
        type("partic", into: &state)
        // Meanwhile the list is as it was, and the prompt says why.
        #expect(state.filters[.papers] == nil || state.searchInBackground != nil)
        #expect(FrameComposer.compose(state).rowText(29).contains("searching…"))
        #expect(hitsCome(to: &state))
        #expect(state.searchInBackground == nil)
        #expect(state.filters[.papers]?.hits == expected.filters[.papers]?.hits)
        #expect(state.filters[.papers]?.query == "partic" && state.prompt != nil)
        #expect(!FrameComposer.compose(state).rowText(29).contains("searching…"))
        #expect(state.selectedRecord?.id == expected.selectedRecord?.id)
        // Sent: the prompt stays until the hits come, then closes, the query kept.
        state.handle(.enter)
        expected.handle(.enter)
        #expect(state.prompt?.submitted == .papers)
        #expect(hitsCome(to: &state))
        #expect(state.prompt == nil && state.filters[.papers]?.hits == expected.filters[.papers]?.hits)
        #expect(state.history.entries.last == "partic")
    }

    @Test func onlyTheLastQueryTypedIsSearchedAndEscGivesItUp() throws {
        var (state, expected) = try states()
        for key in [.character("/")] + "volunteer".map(KeyPress.character) { expected.handle(key) }
        let turn = DispatchSemaphore(value: 0)
        SearchInBackground.queue.async { turn.wait() }
        state.handle(.character("/"))
        type("vol", into: &state)
        let passedOver = try #require(state.searchInBackground)
        type("unteer", into: &state)
        turn.signal()
        #expect(hitsCome(to: &state))
        #expect(passedOver.outcome == nil)
        #expect(state.filters[.papers]?.hits == expected.filters[.papers]?.hits)

        // Esc while one is searched: the list as before the prompt, the search given up.
        state.handle(.enter)
        #expect(hitsCome(to: &state) && state.prompt == nil)
        let before = try #require(state.filters[.papers]?.hits)
        state.handle(.character("/"))
        SearchInBackground.queue.async { turn.wait() }
        type("x", into: &state)
        let givenUp = try #require(state.searchInBackground)
        #expect(state.hasRunningWork)
        state.handle(.escape)
        #expect(state.prompt == nil && state.searchInBackground == nil && !state.hasRunningWork)
        turn.signal()
        #expect(!hitsCome(to: &state))
        #expect(givenUp.outcome == nil && state.filters[.papers]?.hits == before)
    }

    /// The loop looks for the hits between keys, not only at its tick
    /// (here never due): they are drawn as soon as they are.
    @Test func theLoopDrawsTheHitsWithoutWaitingForItsTick() throws {
        var (state, expected) = try states()
        for key in [.character("/")] + "partic".map(KeyPress.character) { expected.handle(key) }
        state.handle(.character("/"))
        let terminal = HeadlessTerminal(width: 100, height: 30, keys: "partic".map(KeyPress.character))
        let driver = AppDriver(state: state, backend: terminal)
        let start = ContinuousClock.now
        driver.run(pollMilliseconds: 600_000) {
            let typed = driver.state.prompt?.editor.text == "partic"
            return (typed && driver.state.filters[.papers]?.query == "partic" && !driver.state.hasRunningWork)
                || ContinuousClock.now - start > .seconds(10)
        }
        #expect(driver.state.filters[.papers]?.hits == expected.filters[.papers]?.hits)
        let statusRow = try #require(terminal.lastFrame?.rowText(29))
        #expect(statusRow.hasPrefix("/partic") && !statusRow.contains("searching…"))
        #expect(statusRow.contains("\(expected.filters[.papers]?.hits.count ?? -1)/"))
    }

    @Test func stateWordsAloneAreLookedForOnAnotherThreadToo() throws {
        var (state, expected) = try states()
        let tagged = try #require(state.selectedRecord)
        for key in [KeyPress.character("t")] + "care".map(KeyPress.character) + [.enter] {
            state.handle(key)
            expected.handle(key)
        }
        for key in [.character("/")] + "tag:care".map(KeyPress.character) { expected.handle(key) }
        state.handle(.character("/"))
        type("tag:care", into: &state)
        #expect(state.searchInBackground != nil)
        #expect(hitsCome(to: &state))
        #expect(state.filters[.papers]?.hits.map { state.records[$0].id } == [tagged.id])
        #expect(state.filters[.papers]?.results == nil && state.filters[.papers]?.hits == expected.filters[.papers]?.hits)
    }
}

/// `G` far past the ranked hits of a large library's search ranks them on
/// another thread; the list keeps its place, `Esc` stops it.
@Suite(.serialized) struct RankingInBackgroundTests {
    private static let records = Library.builtIn().records + SyntheticLibrary.records(count: 2_500)

    private func searched(inBackground: Bool) throws -> AppState {
        var state = AppState(records: Self.records, ladder: nil, now: Fixture.now, size: (100, 30))
        while !state.searchIndex.isReady { usleep(1_000) }
        if inBackground { state.searchesInBackgroundFrom = 1 }
        for key in [.character("/")] + "services".map(KeyPress.character) + [.enter] {
            state.handle(key)
            SearchInBackground.queue.sync {}
            _ = state.tick()
        }
        return state
    }

    @Test func gRanksEveryHitOnAnotherThreadAndEscStopsIt() throws {
        var expected = try searched(inBackground: false)
        var state = try searched(inBackground: true)
        let results = try #require(state.filters[.papers]?.results)
        #expect(results.hits.count > 2 * AppState.rankAhead && results.rankedCount == AppState.rankAhead)
        #expect(state.filters[.papers]?.hits == expected.filters[.papers]?.hits)
        expected.handle(.character("G"))
        let turn = DispatchSemaphore(value: 0)
        SearchInBackground.queue.async { turn.wait() }
        state.handle(.character("G"))
        #expect(state.message == AppState.rankingMessage(of: results.hits.count) && state.hasRunningWork)
        let selected = state.currentList.selected
        #expect(selected == expected.currentList.selected)
        turn.signal()
        SearchInBackground.queue.sync {}
        let ticked = state.tick()
        #expect(ticked)
        #expect(state.filters[.papers]?.results?.rankedCount == results.hits.count)
        #expect(state.filters[.papers]?.hits == expected.filters[.papers]?.hits)
        #expect(state.currentList.selected == selected && state.message == nil && !state.hasRunningWork)

        // Esc while it ranks: stopped, the ranked ones as they were.
        var again = try searched(inBackground: true)
        SearchInBackground.queue.async { turn.wait() }
        again.handle(.character("G"))
        again.handle(.escape)
        #expect(!again.hasRunningWork && again.filters[.papers]?.results?.rankedCount == AppState.rankAhead)
        #expect(again.message == "stopped ranking: the hits past the first 1 000 are in the library's order")
        turn.signal()
        SearchInBackground.queue.sync {}
        let tickedAgain = again.tick()
        #expect(!tickedAgain)
    }
}
