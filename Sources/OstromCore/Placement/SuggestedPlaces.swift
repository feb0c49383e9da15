/// A record the engine suggests placing on a stage, level or principle,
/// with its score there.
public struct SuggestedRecord: Equatable, Sendable {
    // 32 bits each: a million records are placed on a few names each.
    private let storedIndex: Int32
    private let storedScore: Int32

    public init(index: Int, score: Int) {
        storedIndex = Int32(clamping: index)
        storedScore = Int32(clamping: score)
    }

    public var index: Int { Int(storedIndex) }
    public var score: Int { Int(storedScore) }

    /// Best evidence first, then in library order.
    static func ranks(_ left: Self, before right: Self) -> Bool {
        left.storedScore != right.storedScore ? left.storedScore > right.storedScore : left.storedIndex < right.storedIndex
    }
}

/// The records the engine's suggestions place on each stage, level and
/// principle, kept as summaries are made (in any order, from any thread)
/// so that the Ladder's "Placed here" is a lookup, not a pass over the
/// library. Each name's list is put in rank order when asked for: those
/// added since are sorted and merged in, not the whole list sorted again.
struct SuggestedPlaces {
    private struct Ranked {
        var ranked: [SuggestedRecord] = []
        var added: [SuggestedRecord] = []
    }

    private var byName: [String: Ranked] = [:]

    mutating func add(_ summary: PlacementSummary, of index: Int) {
        let suggestion = summary.suggestion
        var names = [suggestion.stage, suggestion.level].compactMap { $0 }
        for principle in suggestion.principles where !names.contains(principle) { names.append(principle) }
        for name in names {
            byName[name, default: Ranked()].added.append(SuggestedRecord(index: index, score: summary.score(of: name)))
        }
    }

    /// The records suggested for `name`, best evidence first.
    mutating func ranked(on name: String) -> [SuggestedRecord] {
        guard var list = byName[name] else { return [] }
        if !list.added.isEmpty {
            list.ranked = Self.merged(list.ranked, list.added.sorted(by: SuggestedRecord.ranks))
            list.added = []
            byName[name] = list
        }
        return list.ranked
    }

    private static func merged(_ first: [SuggestedRecord], _ second: [SuggestedRecord]) -> [SuggestedRecord] {
        guard !first.isEmpty else { return second }
        var result: [SuggestedRecord] = []
        result.reserveCapacity(first.count + second.count)
        var (left, right) = (0, 0)
        while left < first.count && right < second.count {
            if SuggestedRecord.ranks(second[right], before: first[left]) {
                result.append(second[right])
                right += 1
            } else {
                result.append(first[left])
                left += 1
            }
        }
        result += first[left...]
        result += second[right...]
        return result
    }
}
