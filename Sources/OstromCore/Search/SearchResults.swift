/// A record the query matched, and how well.
public struct SearchHit: Equatable, Sendable {
    /// The record's position in the index's records.
    public var record: Int
    public var score: Float
}

/// The hits, best first for the first `rankedCount`, and the terms that
/// matched (for highlights and snippets).
public struct SearchResults: Sendable {
    public var hits: [SearchHit]
    public var matchTerms: MatchTerms
    /// How many leading hits are in rank order.
    public private(set) var rankedCount: Int
    /// Each record's year, the tie-break after the score.
    var years: [Int16]

    init(hits: [SearchHit], matchTerms: MatchTerms, rankedCount: Int, years: [Int16]) {
        self.hits = hits
        self.matchTerms = matchTerms
        self.rankedCount = rankedCount
        self.years = years
    }

    /// Puts at least the first `count` hits in rank order (score, then
    /// year, newest first, then library order), selecting before sorting
    /// so that a keystroke with 100 000 hits only sorts what is shown.
    public mutating func rankMore(upTo count: Int) {
        let target = min(count, hits.count)
        guard target > rankedCount else { return }
        let years = self.years
        let before: (SearchHit, SearchHit) -> Bool = { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (years[lhs.record], years[rhs.record])
            if left != right { return left > right }
            return lhs.record < rhs.record
        }
        if target < hits.count {
            var rest = hits[rankedCount...]
            Self.select(&rest, count: target - rankedCount, by: before)
            hits.replaceSubrange(rankedCount..., with: rest)
        }
        let end = rankedCount + (target - rankedCount)
        hits[rankedCount..<end].sort(by: before)
        rankedCount = end
    }

    /// Moves the `count` best elements to the front (quickselect).
    private static func select(_ slice: inout ArraySlice<SearchHit>, count: Int, by before: (SearchHit, SearchHit) -> Bool) {
        var low = slice.startIndex
        var high = slice.endIndex - 1
        let goal = slice.startIndex + count
        while low < high {
            let pivot = slice[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while before(slice[i], pivot) { i += 1 }
                while before(pivot, slice[j]) { j -= 1 }
                if i <= j {
                    slice.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if goal <= j { high = j } else if goal >= i { low = i } else { return }
        }
    }
}

/// The folded terms a query matched, to find them again in any text.
public struct MatchTerms: Sendable {
    private var table = TermTable(capacity: 16)

    public static let none = MatchTerms(terms: [])

    init(terms: Set<[UInt8]>) {
        for term in terms { _ = table.insert(term[...]) }
    }

    public var isEmpty: Bool { table.count == 0 }

    /// Whether a folded term is one of the matched terms.
    func contains(_ term: ArraySlice<UInt8>) -> Bool { table.id(of: term) != nil }

    /// The matches in UTF-8 text: byte ranges and the term each one is.
    func byteMatches(in text: String, tokenizer: inout SearchTokenizer) -> [(start: Int, end: Int, term: Int)] {
        guard !isEmpty else { return [] }
        var matches: [(start: Int, end: Int, term: Int)] = []
        tokenizer.tokenize(text) { token in
            if let id = table.id(of: token.bytes) { matches.append((token.start, token.end, id)) }
        }
        // Whole words come before their parts: keep the first of overlapping ones.
        matches.sort { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }
        var kept: [(start: Int, end: Int, term: Int)] = []
        for match in matches where match.start >= (kept.last?.end ?? 0) { kept.append(match) }
        return kept
    }

    /// Where the terms occur in `text`, as ranges of the text, in order.
    public func ranges(in text: String) -> [Range<String.Index>] {
        var tokenizer = SearchTokenizer()
        let utf8 = text.utf8
        return byteMatches(in: text, tokenizer: &tokenizer).map { match in
            utf8.index(utf8.startIndex, offsetBy: match.start)..<utf8.index(utf8.startIndex, offsetBy: match.end)
        }
    }
}
