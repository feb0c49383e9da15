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
        let fields = field.map { [$0] } ?? SearchField.allCases
        var mask: UInt32 = 0
        for field in fields { mask |= 31 << field.shift }
        let shifts = fields.map(\.shift)
        let weights = fields.map(\.weight)
        let slots = fields.map(\.rawValue)
        inverseNorms.withUnsafeBufferPointer { norms in
            for (id, weight) in expansion.ids {
                let factor = weight * idf(Int(id))
                var matchedAny = false
                postings[Int(id)].forEach { document, all in
                    let packed = all & mask
                    guard packed != 0 else { return }
                    let base = document * Self.fieldCount
                    var frequency: Float = 0
                    for index in shifts.indices {
                        let count = (packed >> shifts[index]) & 31
                        if count > 0 { frequency += weights[index] * Float(count) * norms[base + slots[index]] }
                    }
                    matchedAny = true
                    state.offer(document, factor * frequency * (Self.k1 + 1) / (frequency + Self.k1))
                }
                if matchedAny { matchTerms.insert(terms.bytes(of: Int(id))) }
            }
        }
    }

    /// Records holding the words next to each other in this order, found
    /// by walking the words' posting lists together and comparing their
    /// positions; scored as the words' scores summed, boosted.
    private func phrase(_ words: [[UInt8]], field: SearchField?, into state: inout Evaluation, matchTerms: inout MatchTerms.Builder) {
        var ids: [Int] = []
        for word in words {
            guard let id = terms.id(of: word) else { return }
            ids.append(id)
        }
        var ignored = MatchTerms.Builder()
        var candidates = Evaluation(count: records.count)
        for (position, id) in ids.enumerated() {
            candidates.beginAtom()
            let exact = TermExpansion(term: Array(terms.bytes(of: id)), prefix: false, typos: false, index: self)
            score(exact, field: field, into: &candidates, matchTerms: &ignored)
            candidates.endAtom(level: UInt16(position))
        }
        let required = UInt16(ids.count)
        var cursors = ids.map { PostingCursor(list: postings[$0]) }
        var tokenizer = SearchTokenizer()
        var found = false
        for index in cursors.indices { cursors[index].advance() }
        while !cursors.contains(where: \.isAtEnd) {
            let highest = cursors.map(\.document).max() ?? 0
            var aligned = true
            for index in cursors.indices where cursors[index].document < highest {
                aligned = false
                while !cursors[index].isAtEnd && cursors[index].document < highest { cursors[index].advance() }
            }
            guard aligned else { continue }
            let document = highest
            if candidates.level[document] == required && Self.adjacent(cursors.map(\.positions)) {
                // Positions do not say which field: a field's phrase is checked in its text.
                let inField = field.map { field in
                    var found = false
                    field.forEachText(of: records[document]) { if !found { found = Self.contains(words, in: $0, tokenizer: &tokenizer) } }
                    return found
                } ?? true
                if inField {
                    state.offer(document, candidates.total[document] * 1.5)
                    found = true
                }
            }
            for index in cursors.indices { cursors[index].advance() }
        }
        if found { for word in words { matchTerms.insert(word[...]) } }
    }

    /// Whether some position p of the first list has p+1 in the second,
    /// p+2 in the third, and so on.
    static func adjacent(_ lists: [[UInt32]]) -> Bool {
        guard let first = lists.first else { return false }
        return first.contains { start in
            lists.indices.dropFirst().allSatisfy { lists[$0].contains(start + UInt32($0)) }
        }
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

/// Reads one posting list forward, record by record, with positions.
struct PostingCursor {
    private let list: PostingList
    private var offset = 0
    private var positionOffset = 0
    private(set) var document = -1
    private(set) var positions: [UInt32] = []
    private(set) var isAtEnd = false

    init(list: PostingList) { self.list = list }

    mutating func advance() {
        let buffer = list.bytes.buffer
        guard offset < buffer.count else {
            isAtEnd = true
            return
        }
        document += Int(PostingList.readVarint(buffer, &offset))
        let packed = PostingList.readVarint(buffer, &offset)
        let stream = list.positions.buffer
        positions.removeAll(keepingCapacity: true)
        var position: UInt32 = 0
        for _ in 0..<PostingList.occurrences(packed) {
            position += PostingList.readVarint(stream, &positionOffset)
            positions.append(position)
        }
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
