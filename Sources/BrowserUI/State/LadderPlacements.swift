import OstromCore
import Synchronization

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

/// Where the transcript puts each story, with the engine's score: on doing
/// with (it tells them as co-production, scored on the story), and on each
/// principle its "Why is this co-production?" passages name (scored on
/// those passages). Worked out the first time the Ladder lists them, so
/// that a start that shows no ladder does not build the placement engine;
/// kept after (stories do not change). Shared by copies of the state.
final class StoryScores: Sendable {
    private let ladder: LadderModel?
    private let placements: PlacementCache
    private let scores: Mutex<[[String: Int]]?> = Mutex(nil)

    init(ladder: LadderModel?, placements: PlacementCache) {
        self.ladder = ladder
        self.placements = placements
    }

    /// Each story's scores by the stage and principles it is placed on.
    var all: [[String: Int]] {
        scores.withLock { scores in
            if let scores { return scores }
            let made = make()
            scores = made
            return made
        }
    }

    private func make() -> [[String: Int]] {
        guard let ladder, let with = ladder.stages.last?.name else { return [] }
        let engine = placements.engine
        return ladder.stories.map { story in
            var scores = [with: engine.analyse(story.text).finding(named: with)?.score ?? 0]
            for principle in Set(story.why.flatMap(\.principles)) {
                let reasons = story.why.filter { $0.principles.contains(principle) }.map(\.text).joined(separator: "\n\n")
                scores[principle] = engine.analyse(reasons).finding(named: principle)?.score ?? 0
            }
            return scores
        }
    }
}

/// What the "Placed here" list of a name is worked out from: it is made
/// again only when one of them changes (more records placed, the user's
/// placements, records removed), not at every frame and key.
struct PlacedInputs: Equatable, Sendable {
    var name: String
    var analysed: Int
    var records: Int
    /// Records indexed by id (the user's places are found by it).
    var indexed: Int
    var annotations: [String: Annotation]
    var removed: Set<Int>
}

extension PlacedItem {
    /// Best evidence first; on equal scores records before stories, each
    /// in their order.
    static func ranks(_ left: Self, before right: Self) -> Bool {
        left.rankKey < right.rankKey
    }

    private var rankKey: (Int, Int, Int) {
        switch self {
        case .record(let index, let score, _): (-score, 0, index)
        case .story(let index, let score): (-score, 1, index)
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
    /// (records before stories on equal scores, then in library order),
    /// removed records left out. While records are still being placed,
    /// those placed so far (and every one the user placed).
    func placedItems(on entry: LadderEntry) -> [PlacedItem] {
        guard let name = placementName(of: entry) else { return [] }
        let (suggested, analysed) = placements.suggested(on: name)
        let inputs = PlacedInputs(name: name, analysed: analysed, records: records.count, indexed: positions.indexed,
                                  annotations: annotations.byRecord, removed: removedIndices)
        return placedList.value(for: inputs) { placedItems(on: name, suggested: suggested) }
    }

    /// The engine's suggestions (already ranked) less the records the user
    /// placed or removed, with the user's own and the stories merged in.
    private func placedItems(on name: String, suggested: [SuggestedRecord]) -> [PlacedItem] {
        let placed = annotations.byRecord.lazy.filter { $0.value.placement != nil }.map(\.key)
        let byUser = positions.positions(of: placed, in: records).found.values.filter { !removedIndices.contains($0) }
        let hidden = removedIndices.union(byUser)
        let kept = hidden.isEmpty ? suggested[...] : suggested.filter { !hidden.contains($0.index) }[...]
        var others: [PlacedItem] = byUser.compactMap { index in
            guard let choice = annotations[records[index].id].placement,
                  choice.stage == name || choice.level == name || choice.principles.contains(name) else { return nil }
            return .record(index: index, score: placements.summary(of: index, record: records[index]).score(of: name), setByUser: true)
        }
        for (index, scores) in storyScores.all.enumerated() {
            if let score = scores[name] { others.append(.story(index: index, score: score)) }
        }
        others.sort(by: PlacedItem.ranks)
        var items: [PlacedItem] = []
        items.reserveCapacity(kept.count + others.count)
        var next = others.startIndex
        for record in kept {
            let item = PlacedItem.record(index: record.index, score: record.score, setByUser: false)
            while next < others.endIndex && PlacedItem.ranks(others[next], before: item) {
                items.append(others[next])
                next += 1
            }
            items.append(item)
        }
        items += others[next...]
        return items
    }
}
