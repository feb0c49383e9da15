import Foundation
import Testing
@testable import BrowserUI
@testable import OstromCore
import TerminalCanvas

/// A query typed while a large library is still being indexed: the list
/// stays and the prompt says "indexing…" until the index is ready; the
/// next tick runs the query; Enter sends it, and the browser never waits.
@Suite struct IndexWaitTests {
    private let records = Library.builtIn().records

    private func ids(_ state: AppState) -> [String] {
        state.listing(in: state.tab).map { state.records[$0].id }
    }

    /// A state whose index is built only once `gate` is signalled.
    private func state(_ gate: DispatchSemaphore) -> (AppState, IndexInBackground) {
        let records = records
        let index = IndexInBackground { gate.wait(); return SearchIndex(records: records) }
        return (AppState(records: records, ladder: nil, now: Fixture.now, size: (100, 30), index: index), index)
    }

    private func type(_ text: String, into state: inout AppState) {
        for key in [KeyPress.character("/")] + text.map(KeyPress.character) { state.handle(key) }
    }

    @Test func theQueryRunsOnTheTickAfterTheIndexIsReady() {
        let gate = DispatchSemaphore(value: 0)
        var (state, index) = state(gate)
        let all = ids(state)
        type("coerced", into: &state)
        #expect(ids(state) == all)
        #expect(FrameComposer.compose(state).rowText(29).hasSuffix("indexing…"))
        let tickedBeforeReady = state.tick()
        #expect(!tickedBeforeReady)
        gate.signal()
        let deadline = Date().addingTimeInterval(10)
        while !index.isReady && Date() < deadline { usleep(1000) }
        let tickedWhenReady = state.tick()
        #expect(tickedWhenReady)
        #expect(ids(state) == ["body2021"])
        #expect(FrameComposer.compose(state).rowText(29).hasSuffix("1/2"))
        let tickedAfter = state.tick()
        #expect(!tickedAfter)
    }

    private func waitUntilReady(_ index: IndexInBackground) {
        let deadline = Date().addingTimeInterval(10)
        while !index.isReady && Date() < deadline { usleep(1000) }
    }

    @Test func enterSendsTheQueryWhichRunsOnceTheIndexIsReadyWithoutWaitingForIt() {
        let gate = DispatchSemaphore(value: 0)
        var (state, index) = state(gate)
        type("coerced", into: &state)
        state.handle(.enter)
        // Nothing waited: the prompt shows the query, still indexing, and
        // other keys work the list meanwhile.
        #expect(state.prompt?.submitted == .papers)
        #expect(FrameComposer.compose(state).rowText(29).hasSuffix("indexing…"))
        state.handle(.character("j"))
        #expect(state.currentList.selected == 1)
        gate.signal()
        waitUntilReady(index)
        let ticked = state.tick()
        #expect(ticked && state.prompt == nil)
        #expect(ids(state) == ["body2021"])
        #expect(state.history.entries.last == "coerced")
    }

    @Test func aQuerySentOnAnotherTabIsDroppedThere() {
        let gate = DispatchSemaphore(value: 0)
        var (state, index) = state(gate)
        let events = state.listing(in: .events)
        type("coerced", into: &state)
        state.handle(.enter)
        state.handle(.character("2"))
        gate.signal()
        waitUntilReady(index)
        _ = state.tick()
        #expect(state.prompt == nil && state.filters.isEmpty)
        #expect(state.listing(in: .events) == events)
    }

    @Test func quitWorksWhileAQueryWaits() {
        let gate = DispatchSemaphore(value: 0)
        var (state, _) = state(gate)
        type("coerced", into: &state)
        state.handle(.enter)
        state.handle(.character("Q"))
        #expect(state.shouldQuit)
        gate.signal()
    }

    @Test func escapeWhileWaitingLeavesTheListAsItWas() {
        let gate = DispatchSemaphore(value: 0)
        var (state, _) = state(gate)
        let all = ids(state)
        type("coerced", into: &state)
        state.handle(.escape)
        gate.signal()
        Thread.sleep(forTimeInterval: 0.05)
        let ticked = state.tick()
        #expect(!ticked)
        #expect(ids(state) == all)
    }
}
