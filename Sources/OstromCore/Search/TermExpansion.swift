/// The vocabulary terms one query term stands for: itself (weight 1),
/// longer terms it begins (while typed, 0.8), and terms within 1 edit
/// (5+ letters) or 2 edits (9+ letters), weighted below exact hits.
struct TermExpansion: Sendable {
    var ids: [(id: Int32, weight: Float)] = []

    static let exactWeight: Float = 1
    static let prefixWeight: Float = 0.8
    static let typoWeights: [Float] = [1, 0.5, 0.35]
    /// Postings a prefix may pull in, so that one typed letter stays fast.
    static let prefixPostingBudget = 200_000
    static let maximumTypoTerms = 24

    init(term: [UInt8], prefix: Bool, typos: Bool, index: SearchIndex) {
        var seen = Set<Int32>()
        if let exact = index.terms.id(of: term) {
            ids.append((Int32(exact), Self.exactWeight))
            seen.insert(Int32(exact))
        }
        if prefix {
            var budget = Self.prefixPostingBudget
            let candidates = index.termsWithPrefix(term).filter { !seen.contains($0) }
                .sorted { index.documentFrequency(Int($0)) > index.documentFrequency(Int($1)) }
            for id in candidates {
                let frequency = index.documentFrequency(Int(id))
                if budget - frequency < 0 && !ids.isEmpty { break }
                budget -= frequency
                ids.append((id, Self.prefixWeight))
                seen.insert(id)
            }
        }
        let letters = String(decoding: term, as: UTF8.self).count
        guard typos, letters >= 5, let first = term.first else { return }
        let allowed = letters >= 9 ? 2 : 1
        var typos: [(id: Int32, edits: Int)] = []
        for id in index.termsByFirstByte[Int(first)] where !seen.contains(id) {
            let candidate = index.terms.bytes(of: Int(id))
            if !prefix && abs(candidate.count - term.count) > allowed { continue }
            if prefix && candidate.count < term.count - allowed { continue }
            if let edits = Self.editDistance(term, candidate, limit: allowed, prefix: prefix) {
                typos.append((id, edits))
            }
        }
        typos.sort { ($0.edits, -index.documentFrequency(Int($0.id))) < ($1.edits, -index.documentFrequency(Int($1.id))) }
        for typo in typos.prefix(Self.maximumTypoTerms) {
            ids.append((typo.id, Self.typoWeights[typo.edits]))
        }
    }

    /// Levenshtein distance when at most `limit`, else nil. With `prefix`,
    /// the distance from `query` to the closest prefix of `candidate`.
    static func editDistance(_ query: [UInt8], _ candidate: ArraySlice<UInt8>, limit: Int, prefix: Bool) -> Int? {
        let target = Array(candidate)
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...query.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, target.count) where j <= target.count {
                let cost = query[i - 1] == target[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = prefix ? (previous.min() ?? limit + 1) : previous[target.count]
        return distance <= limit ? distance : nil
    }
}
