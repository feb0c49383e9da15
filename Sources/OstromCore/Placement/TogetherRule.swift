/// A `together` rule: every part somewhere in the sentence, at different
/// words, none negated.
struct TogetherRule: Sendable {
    var parts: [Int]
    /// Each part's possible first words, to pass over the others fast.
    var filters: [Int]
    var weight: Int

    init(parts: [String], weight: Int, table: inout PatternTable) {
        self.parts = parts.map { table.add($0) }
        filters = self.parts.map { table.addFilter([$0]) }
        self.weight = weight
    }

    /// The words the rule's parts are found at, closest together, and the
    /// words from the first to the last of them; `nil` when a part is missing.
    func match(in tokens: inout PlacementTokens, negated: borrowing ScratchBuffer<Bool>, table: PatternTable) -> (words: Range<Int>, parts: [Range<Int>])? {
        // Most sentences have no word that can start some part.
        var passed: UInt64 = 0
        for position in 0..<tokens.count where !negated[position] { passed |= tokens[position].filters }
        for filter in filters where passed & (1 << UInt64(filter)) == 0 { return nil }
        // Each part's places in the sentence (a few at most are tried).
        var places: [[Range<Int>]] = []
        for (part, filter) in zip(parts, filters) {
            var found: [Range<Int>] = []
            for position in 0..<tokens.count where found.count < Self.placesTried && !negated[position] && table.mayStart(filter, tokens, at: position) {
                let end = table.matchEnd(part, in: &tokens, at: position)
                if end >= 0 { found.append(position..<end) }
            }
            guard !found.isEmpty else { return nil }
            places.append(found)
        }
        // The closest set of places that do not overlap, so the marks show
        // the words that belong together.
        var chosen: [Range<Int>] = []
        var best: [Range<Int>]?
        var bestSpan = Int.max
        Self.choose(from: places, &chosen, &best, &bestSpan)
        guard let best else { return nil }
        return ((best.map(\.lowerBound).min() ?? 0)..<(best.map(\.upperBound).max() ?? 0), best)
    }

    /// Tries every set of places, one per part, none overlapping; the
    /// first with the smallest span is the best.
    private static func choose(from places: [[Range<Int>]], _ chosen: inout [Range<Int>], _ best: inout [Range<Int>]?, _ bestSpan: inout Int) {
        guard chosen.count < places.count else {
            let span = (chosen.map(\.upperBound).max() ?? 0) - (chosen.map(\.lowerBound).min() ?? 0)
            if span < bestSpan {
                best = chosen
                bestSpan = span
            }
            return
        }
        for range in places[chosen.count] where !chosen.contains(where: { $0.overlaps(range) }) {
            chosen.append(range)
            choose(from: places, &chosen, &best, &bestSpan)
            chosen.removeLast()
        }
    }

    private static let placesTried = 6
}
