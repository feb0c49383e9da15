/// A record the query matched, and how well.
public struct SearchHit: Equatable, Sendable {
    /// The record's position in the index's records.
    public var record: Int
    public var score: Float
}

/// The ranked hits, and the terms that matched (for highlights and
/// snippets).
public struct SearchResults: Sendable {
    public var hits: [SearchHit]
    public var matchTerms: MatchTerms
}

/// The folded terms a query matched, to find them again in any text.
public struct MatchTerms: Sendable {
    var terms: Set<[UInt8]>

    public static let none = MatchTerms(terms: [])

    public var isEmpty: Bool { terms.isEmpty }

    /// Where the terms occur in `text`, as ranges of the text, in order.
    public func ranges(in text: String) -> [Range<String.Index>] {
        guard !terms.isEmpty else { return [] }
        var tokenizer = SearchTokenizer()
        var byteRanges: [(Int, Int)] = []
        tokenizer.tokenize(text) { token in
            if terms.contains(Array(token.bytes)) { byteRanges.append((token.start, token.end)) }
        }
        let utf8 = text.utf8
        var ranges: [Range<String.Index>] = []
        for (start, end) in byteRanges.sorted(by: { $0.0 < $1.0 }) {
            if let last = ranges.last, utf8.distance(from: utf8.startIndex, to: last.upperBound) > start { continue }
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(utf8.startIndex, offsetBy: end)
            ranges.append(lower..<upper)
        }
        return ranges
    }
}
