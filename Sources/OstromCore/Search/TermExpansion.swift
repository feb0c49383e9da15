/// The vocabulary terms one query term stands for, each with its form:
/// the word itself; the words it begins (`partic*`, or the word under the
/// prompt's cursor); the words of its English stem (`volunteering` →
/// volunteers); and, only when none of these is in the index, the words an
/// edit away (5+ letters) or two (9+ letters), the first letter right.
struct TermExpansion: Sendable, Equatable {
    /// How a vocabulary term matches the query term, best last: the rank
    /// rules order hits by it (see `RankClass`).
    enum Form: Int, Sendable {
        case typo, stem, prefix, exact
    }

    var ids: [(id: Int32, weight: Float, form: Form)] = []

    /// BM25F weights of the forms, within one rank class.
    static let exactWeight: Float = 1
    static let prefixWeight: Float = 0.8
    static let stemWeight: Float = 0.7
    static let typoWeights: [Float] = [1, 0.5, 0.35]
    /// Postings a prefix may pull in, so that one typed letter stays fast.
    static let prefixPostingBudget = 200_000
    static let maximumTypoTerms = 24

    /// The same terms, forms and weights, in the same order.
    static func == (one: TermExpansion, other: TermExpansion) -> Bool {
        one.ids.elementsEqual(other.ids) { $0.id == $1.id && $0.weight == $1.weight && $0.form == $1.form }
    }

    /// Whether the term matched only words an edit or two away.
    var isApproximate: Bool { ids.first?.form == .typo }

    /// The word as written, and no other form (a quoted word).
    init(exactly term: [UInt8], index: SearchIndex) {
        if let exact = index.terms.id(of: term) { ids = [(Int32(exact), Self.exactWeight, .exact)] }
    }

    /// `mask` is the fields searched (`SearchIndex.mask`): a prefix spends
    /// its budget only on words found in them.
    init(term: [UInt8], prefix: Bool, typos: Bool, mask: UInt32, index: SearchIndex, stemmer: Stemmer) {
        var seen = Set<Int32>()
        if let exact = index.terms.id(of: term) {
            ids.append((Int32(exact), Self.exactWeight, .exact))
            seen.insert(Int32(exact))
        }
        if prefix {
            var budget = Self.prefixPostingBudget
            let candidates = index.termsWithPrefix(term).filter { !seen.contains($0) && index.postings[Int($0)].fields & mask != 0 }
                .sorted { index.documentFrequency(Int($0)) > index.documentFrequency(Int($1)) }
            for id in candidates {
                let frequency = index.documentFrequency(Int(id))
                if budget - frequency < 0 && !ids.isEmpty { break }
                budget -= frequency
                ids.append((id, Self.prefixWeight, .prefix))
                seen.insert(id)
            }
        }
        for id in index.stemGroups.terms(sharingStemWith: term, stemmer: stemmer) where !seen.contains(id) {
            ids.append((id, Self.stemWeight, .stem))
            seen.insert(id)
        }
        let letters = String(decoding: term, as: UTF8.self).count
        guard ids.isEmpty, typos, letters >= 5, let first = term.first else { return }
        let allowed = letters >= 9 ? 2 : 1
        var typos: [(id: Int32, edits: Int)] = []
        // Two rows of the edit-distance table, reused for every candidate.
        let rows = UnsafeMutablePointer<Int>.allocate(capacity: 2 * (SearchTokenizer.maximumWordBytes + 2))
        defer { rows.deallocate() }
        term.withUnsafeBufferPointer { query in
            index.terms.arena.withUnsafeBufferPointer { arena in
                for id in index.termsByFirstByte[Int(first)] {
                    let start = Int(index.terms.offsets[Int(id)])
                    let length = Int(index.terms.offsets[Int(id) + 1]) - start
                    if !prefix && abs(length - term.count) > allowed { continue }
                    if prefix && length < term.count - allowed { continue }
                    let candidate = UnsafeBufferPointer(rebasing: arena[start..<(start + min(length, SearchTokenizer.maximumWordBytes))])
                    if let edits = Self.editDistance(query, candidate, limit: allowed, prefix: prefix, rows: rows) {
                        typos.append((id, edits))
                    }
                }
            }
        }
        typos.sort { ($0.edits, -index.documentFrequency(Int($0.id))) < ($1.edits, -index.documentFrequency(Int($1.id))) }
        for typo in typos.prefix(Self.maximumTypoTerms) {
            ids.append((typo.id, Self.typoWeights[typo.edits], .typo))
        }
    }

    /// Levenshtein distance when at most `limit`, else nil. With `prefix`,
    /// the distance from `query` to the closest prefix of `candidate`.
    /// Stops as soon as a whole row exceeds the limit; `rows` holds two
    /// rows of `candidate.count + 1` cells.
    static func editDistance(_ query: UnsafeBufferPointer<UInt8>, _ candidate: UnsafeBufferPointer<UInt8>, limit: Int, prefix: Bool,
                             rows: UnsafeMutablePointer<Int>) -> Int? {
        let width = candidate.count + 1
        var previous = rows
        var current = rows + width
        for j in 0..<width { previous[j] = j }
        guard !query.isEmpty else { return candidate.count <= limit || prefix ? 0 : nil }
        for i in 1...query.count {
            current[0] = i
            var rowMinimum = i
            let character = query[i - 1]
            for j in 1..<width {
                let substitution = previous[j - 1] + (character == candidate[j - 1] ? 0 : 1)
                let value = min(previous[j] + 1, current[j - 1] + 1, substitution)
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        var distance = previous[width - 1]
        if prefix { for j in 0..<width where previous[j] < distance { distance = previous[j] } }
        return distance <= limit ? distance : nil
    }
}
