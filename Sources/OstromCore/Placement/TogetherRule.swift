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
    func match(in tokens: inout PlacementTokens, negated: [Bool], table: PatternTable) -> (words: Range<Int>, parts: [Range<Int>])? {
        // Most sentences have no word that can start some part.
        for filter in filters where !(0..<tokens.count).contains(where: { !negated[$0] && table.mayStart(filter, tokens, at: $0) }) {
            return nil
        }
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
        var best: [Range<Int>]?
        func span(_ ranges: [Range<Int>]) -> Int { (ranges.map(\.upperBound).max() ?? 0) - (ranges.map(\.lowerBound).min() ?? 0) }
        func choose(_ chosen: [Range<Int>]) {
            guard chosen.count < places.count else {
                if best.map({ span(chosen) < span($0) }) ?? true { best = chosen }
                return
            }
            for range in places[chosen.count] where !chosen.contains(where: { $0.overlaps(range) }) { choose(chosen + [range]) }
        }
        choose([])
        guard let best else { return nil }
        return ((best.map(\.lowerBound).min() ?? 0)..<(best.map(\.upperBound).max() ?? 0), best)
    }

    private static let placesTried = 6
}
