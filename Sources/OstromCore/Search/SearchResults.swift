import Dispatch

/// A record the query matched, and how well.
public struct SearchHit: Equatable, Sendable, BitwiseCopyable {
    /// The record's position in the index's records, in 32 bits: a word
    /// typed in a library of a million records matches most of them, and
    /// their hits are made at every keystroke.
    private var number: UInt32
    public var score: Float

    /// The record's position in the index's records.
    public var record: Int {
        get { Int(number) }
        set { number = UInt32(newValue) }
    }

    public init(record: Int, score: Float) {
        number = UInt32(record)
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
        let (start, needed, years) = (rankedCount, target - rankedCount, self.years)
        hits.withUnsafeMutableBufferPointer { all in
            let rest = UnsafeMutableBufferPointer(rebasing: all[start...])
            let candidates = Self.frontRunners(rest, count: needed, years: years)
            var keys = rest[0..<candidates].map { RankKey($0, year: years[$0.record]) }
            keys.withUnsafeMutableBufferPointer { buffer in
                if needed < buffer.count { Self.quickselect(buffer, count: needed) }
                var ranked = UnsafeMutableBufferPointer(rebasing: buffer[0..<needed])
                ranked.sort(by: >)
            }
            for (offset, key) in keys.enumerated() { rest[offset] = key.hit }
        }
        rankedCount = target
    }

    /// Sorts the first hits again after their scores changed.
    mutating func reorder(through count: Int) {
        let years = self.years
        let sorted = hits[0..<count].map { RankKey($0, year: years[$0.record]) }.sorted(by: >)
        for (offset, key) in sorted.enumerated() { hits[offset] = key.hit }
    }

    /// Hits sampled to guess how good the `count`-th best hit is.
    private static let sampleSize = 512

    /// Moves hits that hold the `count` best to the front, and says how
    /// many: a sample gives a key about twice `count` hits reach, and one
    /// pass moves those forward (or, if the sample guessed too high, all).
    private static func frontRunners(_ hits: UnsafeMutableBufferPointer<SearchHit>, count: Int, years: [Int16]) -> Int {
        guard hits.count >= 8 * sampleSize && count * 8 < hits.count else { return hits.count }
        let step = hits.count / sampleSize
        let sample = (0..<sampleSize).map { RankKey(hits[$0 * step], year: years[hits[$0 * step].record]) }.sorted(by: >)
        let threshold = sample[min(sampleSize - 1, 2 * count * sampleSize / hits.count + 16)]
        let front = moveForward(hits, reaching: threshold, years: years)
        return front >= count ? front : hits.count
    }

    /// Hits from which the pass over them is split between two cores: a
    /// word typed in a library of a million records matches most of them,
    /// and the pass took a tenth of the keystroke on one core.
    private static let hitsSplit = 1 << 16

    /// Moves the hits whose key reaches `threshold` to the front; how many.
    /// A large buffer's halves are each passed on a core of their own, and
    /// the second's hits moved forward then join the first's.
    private static func moveForward(_ hits: UnsafeMutableBufferPointer<SearchHit>, reaching threshold: RankKey, years: [Int16]) -> Int {
        guard hits.count >= hitsSplit else { return moveForwardInOnePass(hits, reaching: threshold, years: years) }
        let middle = hits.count / 2
        var fronts = [0, 0]
        fronts.withUnsafeMutableBufferPointer { fronts in
            nonisolated(unsafe) let (fronts, hits) = (fronts, hits)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                let half = UnsafeMutableBufferPointer(rebasing: part == 0 ? hits[..<middle] : hits[middle...])
                fronts[part] = moveForwardInOnePass(half, reaching: threshold, years: years)
            }
        }
        // The first half's other hits trade places with as many of the second's moved forward, its last ones.
        let (first, second) = (fronts[0], fronts[1])
        let traded = min(middle - first, second)
        for offset in 0..<traded { hits.swapAt(first + offset, middle + second - traded + offset) }
        return first + second
    }

    private static func moveForwardInOnePass(_ hits: UnsafeMutableBufferPointer<SearchHit>, reaching threshold: RankKey, years: [Int16]) -> Int {
        let lowest = threshold.hit.score
        var front = 0
        for index in hits.indices where hits[index].score >= lowest && RankKey(hits[index], year: years[hits[index].record]) >= threshold {
            hits.swapAt(front, index)
            front += 1
        }
        return front
    }

    /// Moves the `count` greatest keys to the front; the keys are
    /// distinct, as each holds its record.
    private static func quickselect(_ buffer: UnsafeMutableBufferPointer<RankKey>, count: Int) {
        var low = 0
        var high = buffer.count - 1
        while low < high {
            let pivot = buffer[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while buffer[i] > pivot { i += 1 }
                while pivot > buffer[j] { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if count <= j { high = j } else if count >= i { low = i } else { return }
        }
    }
}

/// A hit as one number whose order is rank order, greatest first: the
/// score's bits, then the year, then the record's place counted down, so
/// that ranking compares integers and reads nothing else.
struct RankKey: Comparable {
    private let value: UInt128

    init(_ hit: SearchHit, year: Int16) {
        let bits = hit.score.bitPattern
        // Floats ordered as unsigned integers: negatives flipped whole, positives above them.
        let score = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        let yearBits = UInt16(bitPattern: year) ^ 0x8000
        value = UInt128(score) << 48 | UInt128(yearBits) << 32 | UInt128(UInt32.max - UInt32(hit.record))
    }

    var hit: SearchHit {
        let score = UInt32(truncatingIfNeeded: value >> 48)
        let bits = score & 0x8000_0000 != 0 ? score & 0x7FFF_FFFF : ~score
        return SearchHit(record: Int(UInt32.max - UInt32(truncatingIfNeeded: value)), score: Float(bitPattern: bits))
    }

    static func < (lhs: RankKey, rhs: RankKey) -> Bool { lhs.value < rhs.value }
}

/// The folded terms a query matched, to find them again in any text;
/// each knows which query word it stands for, so that a snippet can prefer
/// the sentence with the most query words over one with many variants.
public struct MatchTerms: Sendable {
    private var table = TermTable(capacity: 16)
    /// Per term id, the query word it came from.
    private var words: [Int] = []
    /// The terms' first bytes (a bit per byte value) and lengths: most
    /// words of a text are turned away by these before being looked up.
    private var firstBytes: [UInt64] = [0, 0, 0, 0]
    private var shortest = Int.max
    private var longest = 0

    public static let none = MatchTerms()

    /// Collects matched terms while a query is evaluated.
    struct Builder {
        private(set) var terms = MatchTerms()
        private var word = -1

        /// The terms inserted next stand for the next query word.
        mutating func nextWord() { word += 1 }

        mutating func insert(_ term: ArraySlice<UInt8>) {
            let id = terms.table.insert(term)
            guard id == terms.words.count else { return }
            terms.words.append(max(0, word))
            if let first = term.first { terms.firstBytes[Int(first >> 6)] |= 1 << (first & 63) }
            (terms.shortest, terms.longest) = (min(terms.shortest, term.count), max(terms.longest, term.count))
        }
    }

    public var isEmpty: Bool { table.count == 0 }

    /// The query word a term matches, if it matches one.
    func word(of term: UnsafeBufferPointer<UInt8>) -> Int? {
        guard term.count >= shortest && term.count <= longest, let first = term.first, firstBytes[Int(first >> 6)] >> (first & 63) & 1 != 0 else { return nil }
        return table.id(of: term).map { words[$0] }
    }

    /// The matches in UTF-8 text: byte ranges and the query word of each.
    func byteMatches(in text: String, tokenizer: inout SearchTokenizer) -> [(start: Int, end: Int, word: Int)] {
        guard !isEmpty else { return [] }
        var matches: [(start: Int, end: Int, word: Int)] = []
        tokenizer.tokenize(text) { token in
            if let word = word(of: token.bytes) { matches.append((token.start, token.end, word)) }
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
