/// Evaluating a query: BM25F over the fields, AND across clauses, OR
/// within one, exclusions, filters; ties broken by recency. Scores live in
/// dense per-record arrays, and only the best `ranked` hits are sorted.
extension SearchIndex {
    /// Hits for a query; the first `ranked` are in rank order, the rest
    /// follow unordered (`SearchResults.rankMore` orders them on demand).
    public func search(_ query: SearchQuery, ranked: Int = 200) -> SearchResults {
        var state = Evaluation(count: records.count)
        var matchTerms = MatchTerms.Builder()
        for (level, clause) in query.clauses.enumerated() {
            let isLastClause = level == query.clauses.count - 1
            for (atomIndex, atom) in clause.atoms.enumerated() {
                let prefix = query.lastTermIsPrefix && isLastClause && atomIndex == clause.atoms.count - 1
                state.beginAtom()
                matchTerms.nextWord()
                evaluate(atom, prefix: prefix, into: &state, matchTerms: &matchTerms)
                state.endAtom(level: UInt16(level))
            }
        }
        var excluded = [Bool](repeating: false, count: records.count)
        var ignored = MatchTerms.Builder()
        for atom in query.excluded {
            state.beginAtom()
            evaluate(atom, prefix: false, into: &state, matchTerms: &ignored)
            for document in state.atomDocuments { excluded[Int(document)] = true }
            state.clearAtom()
        }
        let required = UInt16(query.clauses.count)
        var hits: [SearchHit] = []
        for document in 0..<records.count where state.level[document] == required && !excluded[document] {
            hits.append(SearchHit(record: document, score: state.total[document]))
        }
        var results = SearchResults(hits: hits, matchTerms: matchTerms.terms, rankedCount: 0, years: years)
        results.rankMore(upTo: ranked)
        return results
    }

    /// Adds an atom's matches to the evaluation.
    private func evaluate(_ atom: SearchQuery.Atom, prefix: Bool, into state: inout Evaluation, matchTerms: inout MatchTerms.Builder) {
        switch atom {
        case .term(let text, let field):
            let words = queryTerms(text)
            if words.count > 1 { return phrase(words, field: field, into: &state, matchTerms: &matchTerms) }
            guard let word = words.first else { return }
            // A lone CJK character is matched as the start of the bigrams.
            let isPrefix = prefix || (word.count <= 4 && SearchTokenizer.isCJKTerm(word))
            score(TermExpansion(term: word, prefix: isPrefix, typos: true, index: self), field: field, into: &state, matchTerms: &matchTerms)
        case .phrase(let text, let field):
            let words = queryTerms(text)
            if words.count == 1 {
                score(TermExpansion(term: words[0], prefix: false, typos: false, index: self), field: field, into: &state, matchTerms: &matchTerms)
            } else if words.count > 1 {
                phrase(words, field: field, into: &state, matchTerms: &matchTerms)
            }
        case .kind(let kind):
            for document in kinds.indices where kinds[document] == kind { state.offer(document, 0) }
        case .type(let type):
            for document in types.indices where types[document].hasPrefix(type) && !types[document].isEmpty { state.offer(document, 0) }
        case .years(let range):
            for document in years.indices where years[document] != 0 && range.contains(Int(years[document])) { state.offer(document, 0) }
        case .doi(let doi):
            for document in dois.indices where dois[document].hasPrefix(doi) && !dois[document].isEmpty { state.offer(document, 0) }
        }
    }

    /// The whole-word terms of query text.
    func queryTerms(_ text: String) -> [[UInt8]] {
        var tokenizer = SearchTokenizer()
        var words: [[UInt8]] = []
        tokenizer.tokenize(text) { if $0.isWhole { words.append(Array($0.bytes)) } }
        return words
    }

    /// BM25F for every record holding one of the expansion's terms; a
    /// record keeps its best expansion's score.
    private func score(_ expansion: TermExpansion, field: SearchField?, into state: inout Evaluation, matchTerms: inout MatchTerms.Builder) {
        var mask: UInt32 = 0
        for field in field.map({ [$0] }) ?? SearchField.allCases {
            mask |= 31 << UInt32(field.rawValue * SearchField.bits)
        }
        let weights = SearchField.allCases.map(\.weight)
        inverseNorms.withUnsafeBufferPointer { norms in
            for (id, weight) in expansion.ids {
                let factor = weight * idf(Int(id))
                var matchedAny = false
                for posting in postings[Int(id)] {
                    let packed = UInt32(truncatingIfNeeded: posting) & mask
                    if packed == 0 { continue }
                    let document = Int(posting >> 32)
                    let base = document * Self.fieldCount
                    var frequency: Float = 0
                    var bits = packed
                    var fieldIndex = 0
                    while bits != 0 {
                        let count = bits & 31
                        if count > 0 { frequency += weights[fieldIndex] * Float(count) * norms[base + fieldIndex] }
                        bits >>= UInt32(SearchField.bits)
                        fieldIndex += 1
                    }
                    matchedAny = true
                    state.offer(document, factor * frequency * (Self.k1 + 1) / (frequency + Self.k1))
                }
                if matchedAny { matchTerms.insert(terms.bytes(of: Int(id))) }
            }
        }
    }

    /// Records holding the words in this order (in one field), scored as
    /// the sum of the words' scores, boosted.
    private func phrase(_ words: [[UInt8]], field: SearchField?, into state: inout Evaluation, matchTerms: inout MatchTerms.Builder) {
        var ignored = MatchTerms.Builder()
        var candidates = Evaluation(count: records.count)
        for (position, word) in words.enumerated() {
            candidates.beginAtom()
            score(TermExpansion(term: word, prefix: false, typos: false, index: self), field: field, into: &candidates, matchTerms: &ignored)
            candidates.endAtom(level: UInt16(position))
        }
        var tokenizer = SearchTokenizer()
        let fields = field.map { [$0] } ?? SearchField.allCases
        let required = UInt16(words.count)
        var found = false
        for document in 0..<records.count where candidates.level[document] == required {
            let record = records[document]
            if fields.contains(where: { $0.texts(of: record).contains { Self.contains(words, in: $0, tokenizer: &tokenizer) } }) {
                state.offer(document, candidates.total[document] * 1.5)
                found = true
            }
        }
        if found { for word in words { matchTerms.insert(word[...]) } }
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

/// Dense per-record working arrays for one query: how many clauses each
/// record has met, its total score, and the current atom's best score.
struct Evaluation {
    var level: [UInt16]
    var total: [Float]
    private var atomBest: [Float]
    private var atomSeen: [Bool]
    private(set) var atomDocuments: [Int32] = []

    init(count: Int) {
        level = [UInt16](repeating: 0, count: count)
        total = [Float](repeating: 0, count: count)
        atomBest = [Float](repeating: 0, count: count)
        atomSeen = [Bool](repeating: false, count: count)
    }

    mutating func beginAtom() { atomDocuments.removeAll(keepingCapacity: true) }

    /// A record matches the current atom with this score (the best counts).
    @inline(__always)
    mutating func offer(_ document: Int, _ score: Float) {
        if !atomSeen[document] {
            atomSeen[document] = true
            atomBest[document] = score
            atomDocuments.append(Int32(document))
        } else if score > atomBest[document] {
            atomBest[document] = score
        }
    }

    /// Folds the atom into clause `level`: records that met every earlier
    /// clause move up; an OR's second atom only adds score.
    mutating func endAtom(level clause: UInt16) {
        for document in atomDocuments.map(Int.init) {
            if level[document] == clause {
                level[document] = clause + 1
                total[document] += atomBest[document]
            } else if level[document] == clause + 1 {
                total[document] += atomBest[document]
            }
            atomSeen[document] = false
        }
        atomDocuments.removeAll(keepingCapacity: true)
    }

    mutating func clearAtom() {
        for document in atomDocuments { atomSeen[Int(document)] = false }
        atomDocuments.removeAll(keepingCapacity: true)
    }
}

extension SearchTokenizer {
    static func isCJKTerm(_ bytes: [UInt8]) -> Bool {
        guard let first = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        return isCJK(first.value)
    }
}
