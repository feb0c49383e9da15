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
    /// words from the first to the last of them; `nil` when a part is
    /// missing. `passed` is the filters the sentence's words not negated
    /// pass, together: most sentences have no word that can start some part.
    func match(in tokens: inout PlacementTokens, negated: borrowing ScratchBuffer<Bool>, passed: UInt64,
               table: PatternTable) -> (words: Range<Int>, parts: [Range<Int>])? {
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
        chosen.reserveCapacity(places.count)
        var best: [Range<Int>]?
        var bestSpan = Int.max
        Self.choose(from: places, &chosen, span: 0..<0, &best, &bestSpan)
        guard let best else { return nil }
        return ((best.map(\.lowerBound).min() ?? 0)..<(best.map(\.upperBound).max() ?? 0), best)
    }

    /// Tries every set of places, one per part, none overlapping; the
    /// first with the smallest span (from the first word of the places
    /// chosen to the last) is the best. A set is given up as soon as its
    /// span is no smaller than the best's: it can only grow.
    private static func choose(from places: [[Range<Int>]], _ chosen: inout [Range<Int>], span: Range<Int>,
                               _ best: inout [Range<Int>]?, _ bestSpan: inout Int) {
        guard span.count < bestSpan else { return }
        guard chosen.count < places.count else {
            best = chosen
            bestSpan = span.count
            return
        }
        for range in places[chosen.count] where !chosen.contains(where: { $0.overlaps(range) }) {
            let widened = chosen.isEmpty ? range : min(span.lowerBound, range.lowerBound)..<max(span.upperBound, range.upperBound)
            chosen.append(range)
            choose(from: places, &chosen, span: widened, &best, &bestSpan)
            chosen.removeLast()
        }
    }

    private static let placesTried = 6
}
