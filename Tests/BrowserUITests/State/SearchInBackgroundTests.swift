import Foundation
import Testing
@testable import BrowserUI
import OstromCore
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
