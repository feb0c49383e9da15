import Foundation
import Testing
@testable import BrowserUI
@testable import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// The Ladder's "Placed here" comes from the records' kept suggestions, not
/// a pass over the library at each frame: it must stay what a pass would
/// give, as records are placed, the user places some, and removes some.
@Suite struct PlacedHereTests {
    private static let records = Library.builtIn().records + SyntheticLibrary.records(count: 400)

    /// Worked out record by record, as the browser did at each frame.
    private func expected(on entry: LadderEntry, _ state: AppState) -> [PlacedItem] {
        guard let name = state.placementName(of: entry) else { return [] }
        var items: [PlacedItem] = []
        for index in state.records.indices where !state.removedIndices.contains(index) {
            let user = state.annotations[state.records[index].id].placement
            guard let summary = user == nil ? state.placements.summaryIfAnalysed(of: index) : state.placements.summary(of: index) else { continue }
            let choice = summary.choice(user: user)
            guard choice.stage == name || choice.level == name || choice.principles.contains(name) else { continue }
            items.append(.record(index: index, score: summary.score(of: name), setByUser: user != nil))
        }
        for (index, scores) in state.storyScores.all.enumerated() {
            if let score = scores[name] { items.append(.story(index: index, score: score)) }
        }
        return items.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    private func expectEveryEntryAsWorkedOut(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let entries = state.ladderEntries.filter { state.placementName(of: $0) != nil }
        #expect(entries.count > 10, sourceLocation: sourceLocation)
        for entry in entries {
            #expect(state.placedItems(on: entry) == expected(on: entry, state), "\(entry.title)", sourceLocation: sourceLocation)
        }
    }

    @Test func placedHereIsWhatAPassOverTheRecordsGivesWhateverChanges() throws {
        var state = AppState(records: Self.records, ladder: LadderModel.builtIn(), now: Fixture.now, size: (120, 40))
        // Some placed (as the browser's thread places them, out of order), then all.
        for index in stride(from: 400, to: 0, by: -29) { _ = state.placements.summary(of: index) }
        expectEveryEntryAsWorkedOut(state)
        state.placements.analyseAll()
        expectEveryEntryAsWorkedOut(state)
        let withEntry = try #require(state.ladderEntries.first { $0.title == "Doing with" })
        let onWith = state.placedItems(on: withEntry).compactMap { if case .record(let index, _, _) = $0 { index } else { nil } }
        #expect(onWith.count > 20)

        // The user removes one, moves one off "Doing with" and one onto it; each step is seen.
        let removed = onWith[5], movedOff = onWith[3]
        state.removedIndices.insert(removed)
        #expect(!state.placedItems(on: withEntry).contains { if case .record(removed, _, _) = $0 { true } else { false } })
        expectEveryEntryAsWorkedOut(state)
        let movedOn = try #require(state.records.indices.first { !onWith.contains($0) && state.records[$0].kind == .paper })
        state.annotations.apply(.placement(state.records[movedOff].id, PlacementChoice(stage: "Doing to")))
        state.annotations.apply(.placement(state.records[movedOn].id, PlacementChoice(stage: "Doing with", principles: ["Peer support"])))
        let now = state.placedItems(on: withEntry)
        #expect(now.contains(.record(index: movedOn, score: state.placements.summary(of: movedOn).score(of: "Doing with"), setByUser: true)))
        #expect(!now.contains { if case .record(movedOff, _, _) = $0 { true } else { false } })
        expectEveryEntryAsWorkedOut(state)

        // Undone, then brought back, it is as it was.
        _ = state.annotations.undo()
        _ = state.annotations.undo()
        expectEveryEntryAsWorkedOut(state)
        state.removedIndices = []
        #expect(state.placedItems(on: withEntry).compactMap { if case .record(let index, _, _) = $0 { index } else { nil } } == onWith)
        expectEveryEntryAsWorkedOut(state)
    }

    /// The detail pane makes only the rows it is asked for; they say what
    /// the items are, the selected one highlighted.
    @Test func theRowsOfPlacedHereAreTheItemsInOrder() throws {
        var state = AppState(records: Self.records, ladder: LadderModel.builtIn(), now: Fixture.now, size: (120, 40))
        state.placements.analyseAll()
        state.handle(.character("4"))
        while state.selectedLadderEntry?.title != "Doing with" { state.handle(.character("j")) }
        state.handle(.tab)
        for _ in 0..<7 { state.handle(.character("j")) }
        let items = state.selectedPlacedItems
        let lines = state.detailLines(width: 70)
        let first = lines.count - items.count
        #expect(lines[first - 1].spans.map(\.text).joined() == "Placed here (\(items.count)) — Enter opens; q comes back")
        for (row, item) in items.enumerated() {
            let text = lines[first + row].spans.map(\.text).joined()
            switch item {
            case .record(let index, let score, _):
                #expect(text.hasPrefix(String(format: "%4d  ", score) + state.records[index].id + "  "))
            case .story(let index, let score):
                #expect(text.hasPrefix(String(format: "%4d  story  ", score) + state.ladder!.stories[index].name))
            }
            #expect(lines[first + row].spans.allSatisfy { $0.role == (row == 7 ? .selection : .normal) })
        }
        // The pane shows the selected row.
        #expect(FrameComposer.compose(state).snapshot().contains(lines[first + 7].spans.map(\.text).joined().prefix(40)))
    }
}
