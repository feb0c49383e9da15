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
    /// While records are still being placed, those placed so far (and every
    /// one the user placed).
    func placedItems(on entry: LadderEntry) -> [PlacedItem] {
        guard let name = placementName(of: entry) else { return [] }
        var items: [PlacedItem] = []
        for index in records.indices {
            let user = annotations[records[index].id].placement
            guard let summary = user == nil ? placements.summaryIfAnalysed(of: index) : placements.summary(of: index) else { continue }
            let choice = summary.choice(user: user)
            guard choice.stage == name || choice.level == name || choice.principles.contains(name) else { continue }
            items.append(.record(index: index, score: summary.score(of: name), setByUser: user != nil))
        }
        for (index, scores) in storyScores.all.enumerated() {
            if let score = scores[name] { items.append(.story(index: index, score: score)) }
        }
        return items.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}
