/// A `together` rule: every part somewhere in the sentence, at different
/// words, none negated.
struct TogetherRule: Sendable {
    var parts: [Int]
    /// Each part's possible first words, to pass over the others fast.
    var filters: [Int]
    /// Their bits together: a sentence can meet the rule only when its
    /// words not negated pass them all (most sentences have no word that
    /// can start some part).
    var required: UInt64
    var weight: Int

    init(parts: [String], weight: Int, table: inout PatternTable) {
        self.parts = parts.map { table.add($0) }
        filters = self.parts.map { table.addFilter([$0]) }
        required = filters.reduce(0) { $0 | 1 << UInt64($1) }
        self.weight = weight
    }

    /// Memory a rule's match reuses from sentence to sentence: it was made
    /// anew for every rule tried in every sentence (two dozen a record).
    struct Scratch {
        /// Every part's places, part after part; a part's end at `ends[part]`.
        fileprivate var places: [Range<Int>] = []
        fileprivate var ends: [Int] = []
        fileprivate var chosen: [Range<Int>] = []
        /// The places of the parts the last match chose, one per part.
        fileprivate(set) var best: [Range<Int>] = []
        fileprivate var bestSpan = Int.max
    }

    /// The words from the first to the last of the places the rule's parts
    /// are found at, closest together (`scratch.best`, one per part); `nil`
    /// when a part is missing. Tried in a sentence whose words not negated pass `required`.
    func match(in tokens: inout PlacementTokens, negated: borrowing ScratchBuffer<Bool>,
               table: PatternTable, scratch: inout Scratch) -> Range<Int>? {
        // Each part's places in the sentence (a few at most are tried).
        scratch.places.removeAll(keepingCapacity: true)
        scratch.ends.removeAll(keepingCapacity: true)
        for (part, filter) in zip(parts, filters) {
            let first = scratch.places.count
            for position in 0..<tokens.count where scratch.places.count - first < Self.placesTried && !negated[position]
                && table.mayStart(filter, tokens, at: position) {
                let end = table.matchEnd(part, in: &tokens, at: position)
                if end >= 0 { scratch.places.append(position..<end) }
            }
            guard scratch.places.count > first else { return nil }
            scratch.ends.append(scratch.places.count)
        }
        // The closest set of places that do not overlap, so the marks show
        // the words that belong together.
        scratch.chosen.removeAll(keepingCapacity: true)
        scratch.bestSpan = .max
        Self.choose(&scratch, span: 0..<0)
        guard scratch.bestSpan < .max else { return nil }
        return (scratch.best.lazy.map(\.lowerBound).min() ?? 0)..<(scratch.best.lazy.map(\.upperBound).max() ?? 0)
    }

    /// Tries every set of places, one per part, none overlapping; the
    /// first with the smallest span (from the first word of the places
    /// chosen to the last) is the best. A set is given up as soon as its
    /// span is no smaller than the best's: it can only grow.
    private static func choose(_ scratch: inout Scratch, span: Range<Int>) {
        guard span.count < scratch.bestSpan else { return }
        let part = scratch.chosen.count
        guard part < scratch.ends.count else {
            scratch.best.removeAll(keepingCapacity: true)
            scratch.best.append(contentsOf: scratch.chosen)
            scratch.bestSpan = span.count
            return
        }
        for index in (part == 0 ? 0 : scratch.ends[part - 1])..<scratch.ends[part] {
            let range = scratch.places[index]
            guard !scratch.chosen.contains(where: { $0.overlaps(range) }) else { continue }
            let widened = part == 0 ? range : min(span.lowerBound, range.lowerBound)..<max(span.upperBound, range.upperBound)
            scratch.chosen.append(range)
            choose(&scratch, span: widened)
            scratch.chosen.removeLast()
        }
    }

    private static let placesTried = 6
}
