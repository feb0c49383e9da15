/// Evaluating a query: BM25F over the fields, AND across clauses, OR
/// within one, exclusions, filters; ties broken by recency.
extension SearchIndex {
    public func search(_ query: SearchQuery) -> SearchResults {
        var matched = [UInt16](repeating: 0, count: records.count)
        var total = [Float](repeating: 0, count: records.count)
        var matchTerms = Set<[UInt8]>()
        for (level, clause) in query.clauses.enumerated() {
            let isLastClause = level == query.clauses.count - 1
            var clauseScores: [Int: Float] = [:]
            for (atomIndex, atom) in clause.atoms.enumerated() {
                let prefix = query.lastTermIsPrefix && isLastClause && atomIndex == clause.atoms.count - 1
                for (document, score) in evaluate(atom, prefix: prefix, matchTerms: &matchTerms) where matched[document] == level {
                    clauseScores[document, default: 0] += score
                }
            }
            for (document, score) in clauseScores {
                matched[document] = UInt16(level + 1)
                total[document] += score
            }
        }
        var excluded = Set<Int>()
        var ignored = Set<[UInt8]>()
        for atom in query.excluded {
            excluded.formUnion(evaluate(atom, prefix: false, matchTerms: &ignored).keys)
        }
        let required = UInt16(query.clauses.count)
        var hits: [SearchHit] = []
        for document in 0..<records.count where matched[document] == required && !excluded.contains(document) {
            hits.append(SearchHit(record: document, score: total[document]))
        }
        hits.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (records[lhs.record].year ?? 0, records[rhs.record].year ?? 0)
            if left != right { return left > right }
            return lhs.record < rhs.record
        }
        return SearchResults(hits: hits, matchTerms: MatchTerms(terms: matchTerms))
    }

    /// The records an atom matches, with its score in each.
    private func evaluate(_ atom: SearchQuery.Atom, prefix: Bool, matchTerms: inout Set<[UInt8]>) -> [Int: Float] {
        switch atom {
        case .term(let text, let field):
            let words = queryTerms(text)
            if words.count > 1 { return phrase(words, field: field, matchTerms: &matchTerms) }
            guard let word = words.first else { return [:] }
            // A lone CJK character is matched as the start of the bigrams.
            let isPrefix = prefix || (word.count <= 4 && SearchTokenizer.isCJKTerm(word))
            return score(TermExpansion(term: word, prefix: isPrefix, typos: true, index: self), field: field, matchTerms: &matchTerms)
        case .phrase(let text, let field):
            let words = queryTerms(text)
            if words.count == 1 {
                return score(TermExpansion(term: words[0], prefix: false, typos: false, index: self), field: field, matchTerms: &matchTerms)
            }
            return phrase(words, field: field, matchTerms: &matchTerms)
        case .kind(let kind):
            return filter { $0.kind == kind }
        case .type(let type):
            return filter { $0.type?.lowercased().hasPrefix(type) ?? false }
        case .years(let range):
            return filter { $0.year.map(range.contains) ?? false }
        case .doi(let doi):
            return filter { $0.doi?.lowercased().hasPrefix(doi) ?? false }
        }
    }

    private func filter(_ predicate: (Record) -> Bool) -> [Int: Float] {
        var result: [Int: Float] = [:]
        for (document, record) in records.enumerated() where predicate(record) { result[document] = 0 }
        return result
    }

    /// The whole-word terms of query text.
    func queryTerms(_ text: String) -> [[UInt8]] {
        var tokenizer = SearchTokenizer()
        var words: [[UInt8]] = []
        tokenizer.tokenize(text) { if $0.isWhole { words.append(Array($0.bytes)) } }
        return words
    }

    /// BM25F for every record holding one of the expansion's terms; a
    /// record's score is its best expansion's.
    private func score(_ expansion: TermExpansion, field: SearchField?, matchTerms: inout Set<[UInt8]>) -> [Int: Float] {
        var scores: [Int: Float] = [:]
        let fields = field.map { [$0] } ?? SearchField.allCases
        for (id, weight) in expansion.ids {
            let idf = idf(Int(id))
            var matchedAny = false
            for posting in postings[Int(id)] {
                let document = Int(posting >> 32)
                let packed = UInt32(truncatingIfNeeded: posting)
                var frequency: Float = 0
                for field in fields {
                    let count = (packed >> UInt32(field.rawValue * SearchField.bits)) & 31
                    if count > 0 {
                        frequency += field.weight * Float(count) * inverseNorms[document * Self.fieldCount + field.rawValue]
                    }
                }
                guard frequency > 0 else { continue }
                matchedAny = true
                let value = weight * idf * frequency * (Self.k1 + 1) / (frequency + Self.k1)
                if value > scores[document, default: 0] { scores[document] = value }
            }
            if matchedAny { matchTerms.insert(Array(terms.bytes(of: Int(id)))) }
        }
        return scores
    }

    /// Records holding the words in this order (in one field), scored as
    /// the sum of the words' scores, boosted.
    private func phrase(_ words: [[UInt8]], field: SearchField?, matchTerms: inout Set<[UInt8]>) -> [Int: Float] {
        var ignored = Set<[UInt8]>()
        var candidates: [Int: Float] = [:]
        for (position, word) in words.enumerated() {
            let scores = score(TermExpansion(term: word, prefix: false, typos: false, index: self), field: field, matchTerms: &ignored)
            if position == 0 {
                candidates = scores
            } else {
                var both: [Int: Float] = [:]
                for (document, value) in candidates { if let more = scores[document] { both[document] = value + more } }
                candidates = both
            }
            if candidates.isEmpty { return [:] }
        }
        var tokenizer = SearchTokenizer()
        var result: [Int: Float] = [:]
        let fields = field.map { [$0] } ?? SearchField.allCases
        for (document, score) in candidates {
            let found = fields.contains { field in
                field.texts(of: records[document]).contains { Self.contains(words, in: $0, tokenizer: &tokenizer) }
            }
            if found { result[document] = score * 1.5 }
        }
        if !result.isEmpty { for word in words { matchTerms.insert(word) } }
        return result
    }

    static func contains(_ words: [[UInt8]], in text: String, tokenizer: inout SearchTokenizer) -> Bool {
        var matchedCount = 0
        var found = false
        tokenizer.tokenize(text) { token in
            guard !found, token.isWhole else { return }
            if token.bytes.elementsEqual(words[matchedCount]) {
                matchedCount += 1
            } else {
                matchedCount = token.bytes.elementsEqual(words[0]) ? 1 : 0
            }
            if matchedCount == words.count { found = true }
        }
        return found
    }
}

extension SearchTokenizer {
    static func isCJKTerm(_ bytes: [UInt8]) -> Bool {
        guard let first = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        return isCJK(first.value)
    }
}
