import OstromCore

/// What is placed on a ladder entry (a stage, level or principle): the
/// records and the transcript's stories, ranked by their evidence.
public enum PlacedItem: Equatable, Sendable {
    case record(index: Int, score: Int, setByUser: Bool)
    case story(index: Int, score: Int)

    var score: Int {
        switch self {
        case .record(_, let score, _), .story(_, let score): score
        }
    }
}

extension AppState {
    /// The stage, level or principle a ladder entry names, if it is one.
    func placementName(of entry: LadderEntry) -> String? {
        switch entry.kind {
        case .stage, .type, .principle: return entry.item?.name
        default: return nil
        }
    }

    /// The records and stories placed on an entry, best evidence first
    /// (records before stories on equal scores, then in library order).
    func placedItems(on entry: LadderEntry) -> [PlacedItem] {
        guard let name = placementName(of: entry) else { return [] }
        var items: [PlacedItem] = []
        for index in records.indices {
            let placement = placement(ofRecordAt: index)
            let choice = placement.choice
            guard choice.stage == name || choice.level == name || choice.principles.contains(name) else { continue }
            items.append(.record(index: index, score: placement.score(of: name), setByUser: placement.setBy == .user))
        }
        for (index, story) in (ladder?.stories ?? []).enumerated() {
            // The transcript tells the stories as co-production, and names
            // each one's principles in its "Why is this co-production?".
            let reasons = story.why.filter { $0.principles.contains(name) }.map(\.text)
            if case .stage = entry.kind, name == ladder?.stages.last?.name {
                items.append(.story(index: index, score: placements.engine.analyse(story.text).finding(named: name)?.score ?? 0))
            } else if !reasons.isEmpty {
                items.append(.story(index: index, score: placements.engine.analyse(reasons.joined(separator: "\n\n")).finding(named: name)?.score ?? 0))
            }
        }
        return items.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}
