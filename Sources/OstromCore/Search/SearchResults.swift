/// A record the query matched, and how well.
public struct SearchHit: Equatable, Sendable {
    /// The record's position in the index's records.
    public var record: Int
    public var score: Float

    public init(record: Int, score: Float) {
        self.record = record
        self.score = score
    }
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
    /// The query's words that matched only words an edit or two away
    /// (shown as approximate).
    public internal(set) var approximateWords: [String] = []
    /// Whether the proximity rule waits for the records (see `completeProximity`).
    public internal(set) var awaitsProximity = false

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
        let before = order
        let start = rankedCount
        hits.withUnsafeMutableBufferPointer { buffer in
            if target < buffer.count { Self.select(buffer, from: start, count: target - start, by: before) }
            var ranked = UnsafeMutableBufferPointer(rebasing: buffer[start..<target])
            ranked.sort(by: before)
        }
        rankedCount = target
    }

    /// Rank order: score, then year (newest first), then library order.
    private var order: (SearchHit, SearchHit) -> Bool {
        let years = self.years
        return { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (years[lhs.record], years[rhs.record])
            if left != right { return left > right }
            return lhs.record < rhs.record
        }
    }

    /// Sorts the first hits again after their scores changed.
    mutating func reorder(through count: Int) {
        let before = order
        hits[0..<count].sort(by: before)
    }

    /// Moves the `count` best elements from `start` on to the front of
    /// that range (quickselect).
    private static func select(_ buffer: UnsafeMutableBufferPointer<SearchHit>, from start: Int, count: Int,
                               by before: (SearchHit, SearchHit) -> Bool) {
        var low = start
        var high = buffer.count - 1
        let goal = start + count
        while low < high {
            let pivot = buffer[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while before(buffer[i], pivot) { i += 1 }
                while before(pivot, buffer[j]) { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if goal <= j { high = j } else if goal >= i { low = i } else { return }
        }
    }
}

/// The folded terms a query matched, to find them again in any text;
/// each knows which query word it stands for, so that a snippet can prefer
/// the sentence with the most query words over one with many variants.
public struct MatchTerms: Sendable {
    private var table = TermTable(capacity: 16)
    /// Per term id, the query word it came from.
    private var words: [Int] = []

    public static let none = MatchTerms()

    /// Collects matched terms while a query is evaluated.
    struct Builder {
        private(set) var terms = MatchTerms()
        private var word = -1

        /// The terms inserted next stand for the next query word.
        mutating func nextWord() { word += 1 }

        mutating func insert(_ term: ArraySlice<UInt8>) {
            let id = terms.table.insert(term)
            if id == terms.words.count { terms.words.append(max(0, word)) }
        }
    }

    public var isEmpty: Bool { table.count == 0 }

    /// The query word a term matches, if it matches one.
    func word(of term: UnsafeBufferPointer<UInt8>) -> Int? {
        table.id(of: term).map { words[$0] }
    }

    /// The matches in UTF-8 text: byte ranges and the query word of each.
    func byteMatches(in text: String, tokenizer: inout SearchTokenizer) -> [(start: Int, end: Int, word: Int)] {
        guard !isEmpty else { return [] }
        var matches: [(start: Int, end: Int, word: Int)] = []
        tokenizer.tokenize(text) { token in
            if let id = table.id(of: token.bytes) { matches.append((token.start, token.end, words[id])) }
        }
        // Whole words come before their parts: keep the first of overlapping ones.
        matches.sort { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }
        var kept: [(start: Int, end: Int, word: Int)] = []
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
