/// Evaluating a query: AND across clauses, OR within one, exclusions,
/// filters; each hit scored by the rank rules (`RankClass`), then BM25F,
/// then recency. Scores live in dense per-record arrays, and only the best
/// `ranked` hits are sorted.
extension SearchIndex {
    /// Hits for a query; the first `ranked` are in rank order, the rest
    /// follow unordered (`SearchResults.rankMore` orders them on demand).
    public func search(_ query: SearchQuery, ranked: Int = 200) -> SearchResults {
        let state = Evaluation(count: count)
        var context = QueryContext(typos: query.allowsTypos)
        for (level, clause) in query.clauses.enumerated() {
            for atom in clause.atoms {
                state.beginAtom()
                evaluate(atom, into: state, context: &context)
                state.endAtom(level: UInt16(level))
            }
        }
        var excluded = [Bool](repeating: false, count: query.excluded.isEmpty ? 0 : count)
        var exclusions = QueryContext(typos: query.allowsTypos)
        for atom in query.excluded {
            state.beginAtom()
            evaluate(atom, into: state, context: &exclusions)
            for document in state.atomDocuments { excluded[Int(document)] = true }
            state.clearAtom()
        }
        let required = UInt16(query.clauses.count)
        var hits: [SearchHit] = []
        for document in 0..<count where state.level[document] == required && (excluded.isEmpty || !excluded[document]) {
            hits.append(SearchHit(record: document, score: state.total[document]))
        }
        var results = SearchResults(hits: hits, matchTerms: context.matchTerms.terms, rankedCount: 0, years: years)
        results.approximateWords = context.approximateWords
        results.rankByProximity(words: context.words, records: records)
        results.rankMore(upTo: ranked)
        return results
    }

    /// What evaluating a query gathers besides scores.
    struct QueryContext {
        let typos: Bool
        let stemmer = Stemmer()
        var matchTerms = MatchTerms.Builder()
        /// The words typed that matched only words an edit or two away.
        var approximateWords: [String] = []
        /// How many words (terms, prefixes, phrases) the query has:
        /// proximity needs two.
        private(set) var words = 0

        init(typos: Bool) { self.typos = typos }

        /// The terms matched next stand for the next query word (filters
        /// such as `year:` are none, so that words next to each other in
        /// the query are numbered so).
        mutating func nextWord() {
            words += 1
            matchTerms.nextWord()
        }
    }

    /// Adds an atom's matches to the evaluation.
    private func evaluate(_ atom: SearchQuery.Atom, into state: Evaluation, context: inout QueryContext) {
        switch atom {
        case .term(let text, let field), .prefix(let text, let field):
            let words = queryTerms(text)
            context.nextWord()
            if words.count > 1 { return phrase(words, field: field, into: state, matchTerms: &context.matchTerms) }
            guard let word = words.first else { return }
            // A lone CJK character is matched as the start of the bigrams.
            let isPrefix: Bool = if case .prefix = atom { true } else { word.count <= 4 && SearchTokenizer.isCJKTerm(word) }
            let expansion = TermExpansion(term: word, prefix: isPrefix, typos: context.typos, index: self, stemmer: context.stemmer)
            if expansion.isApproximate { context.approximateWords.append(text) }
            score(expansion, field: field, into: state, matchTerms: &context.matchTerms)
        case .phrase(let text, let field):
            let words = queryTerms(text)
            context.nextWord()
            if words.count == 1 {
                score(TermExpansion(exactly: words[0], index: self), field: field, into: state, matchTerms: &context.matchTerms)
            } else if words.count > 1 {
                phrase(words, field: field, into: state, matchTerms: &context.matchTerms)
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
    private func score(_ expansion: TermExpansion, field: SearchField?, into state: Evaluation, matchTerms: inout MatchTerms.Builder) {
        let fields = field.map { [$0] } ?? SearchField.allCases
        var mask: UInt32 = 0
        for field in fields { mask |= 31 << field.shift }
        // Per 5-bit slot of the packed word: the field's weight and norm column.
        var slotWeight = [Float](repeating: 0, count: Self.fieldCount)
        var slotField = [Int](repeating: 0, count: Self.fieldCount)
        for field in SearchField.allCases {
            slotWeight[Int(field.shift) / SearchField.bits] = field.weight
            slotField[Int(field.shift) / SearchField.bits] = field.rawValue
        }
        let fieldCount = Self.fieldCount
        let k1 = Self.k1
        inverseNorms.withUnsafeBufferPointer { norms in
            slotWeight.withUnsafeBufferPointer { weights in
                slotField.withUnsafeBufferPointer { columns in
                    for (id, weight, form) in expansion.ids {
                        let factor = weight * idf(Int(id))
                        let (inHeading, elsewhere) = (RankClass.of(form, inHeading: true), RankClass.of(form, inHeading: false))
                        var matchedAny = false
                        postings[Int(id)].forEach { document, all in
                            var bits = all & mask
                            guard bits != 0 else { return }
                            let base = document * fieldCount
                            var frequency: Float = 0
                            var slot = 0
                            while bits != 0 {
                                let count = bits & 31
                                if count != 0 { frequency += weights[slot] * Float(count) * norms[base + columns[slot]] }
                                bits >>= 5
                                slot += 1
                            }
                            matchedAny = true
                            let rankClass = all & mask & RankClass.headingMask != 0 ? inHeading : elsewhere
                            state.offer(document, rankClass + factor * frequency * (k1 + 1) / (frequency + k1))
                        }
                        if matchedAny { matchTerms.insert(terms.bytes(of: Int(id))) }
                    }
                }
            }
        }
    }

    /// Records holding the words next to each other in this order, found
    /// by walking the words' posting lists together and comparing their
    /// positions; scored as the words' BM25F scores summed, boosted.
    private func phrase(_ words: [[UInt8]], field: SearchField?, into state: Evaluation, matchTerms: inout MatchTerms.Builder) {
        var ids: [Int] = []
        for word in words {
            guard let id = terms.id(of: word) else { return }
            ids.append(id)
        }
        let fields = field.map { [$0] } ?? SearchField.allCases
        var mask: UInt32 = 0
        for field in fields { mask |= 31 << field.shift }
        let factors = ids.map { idf($0) }
        let cursors = ids.map { PostingCursor(list: postings[$0]) }
        var tokenizer = SearchTokenizer()
        var found = false
        /// Offers a record whose words stand in order, when its field agrees.
        func accept(_ document: Int) {
            var inField = true
            if let field {
                // Positions do not say which field: a field's phrase is checked in its text.
                // (A record not given yet cannot be checked, and is left out.)
                inField = false
                guard document < records.count else { return }
                field.forEachText(of: records[document]) { if !inField { inField = Self.contains(words, in: $0, tokenizer: &tokenizer) } }
            }
            guard inField else { return }
            var total: Float = 0
            var inHeading = true
            for index in cursors.indices {
                total += factors[index] * saturated(frequency(cursors[index].packed & mask, document: document, fields: fields))
                inHeading = inHeading && cursors[index].packed & mask & RankClass.headingMask != 0
            }
            state.offer(document, RankClass.of(.exact, inHeading: inHeading) + total * 1.5)
            found = true
        }
        if cursors.count == 2 {
            // Two words, the common case: the two cursors walk in step.
            let first = cursors[0]
            let second = cursors[1]
            first.advance()
            second.advance()
            while !first.isAtEnd && !second.isAtEnd {
                if first.document < second.document {
                    first.skip(to: second.document)
                } else if second.document < first.document {
                    second.skip(to: first.document)
                } else {
                    if first.packed & mask != 0 && second.packed & mask != 0 && first.isFollowed(by: second) { accept(first.document) }
                    first.advance()
                    second.advance()
                }
            }
            if found { for word in words { matchTerms.insert(word[...]) } }
            return
        }
        for cursor in cursors { cursor.advance() }
        outer: while true {
            var highest = -1
            for cursor in cursors {
                if cursor.isAtEnd { break outer }
                highest = max(highest, cursor.document)
            }
            var aligned = true
            for cursor in cursors where cursor.document < highest {
                aligned = false
                cursor.skip(to: highest)
            }
            guard aligned else { continue }
            let document = highest
            var inFields = true
            for cursor in cursors where cursor.packed & mask == 0 { inFields = false }
            if inFields && Self.adjacent(cursors) { accept(document) }
            for cursor in cursors { cursor.advance() }
        }
        if found { for word in words { matchTerms.insert(word[...]) } }
    }

    /// The weighted, length-normalised frequency BM25F saturates.
    @inline(__always)
    private func frequency(_ packed: UInt32, document: Int, fields: [SearchField]) -> Float {
        var frequency: Float = 0
        for field in fields {
            let count = (packed >> field.shift) & 31
            if count > 0 { frequency += field.weight * Float(count) * inverseNorms[document * Self.fieldCount + field.rawValue] }
        }
        return frequency
    }

    @inline(__always)
    private func saturated(_ frequency: Float) -> Float {
        frequency * (Self.k1 + 1) / (frequency + Self.k1)
    }

    /// Whether some position p of the first word has p+1 for the second,
    /// p+2 for the third, and so on.
    static func adjacent(_ cursors: [PostingCursor]) -> Bool {
        guard let first = cursors.first else { return false }
        for start in first.positions {
            var index = 1
            while index < cursors.count && cursors[index].has(start + UInt32(index)) { index += 1 }
            if index == cursors.count { return true }
        }
        return false
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

/// Reads one posting list forward, record by record, with positions, into
/// a fixed buffer (a record has at most 31 positions per field).
final class PostingCursor {
    private let list: PostingList
    private let bytes: UnsafeBufferPointer<UInt8>
    private let stream: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var positionOffset = 0
    private(set) var document = -1
    private(set) var packed: UInt32 = 0
    private(set) var isAtEnd = false
    private let positionBuffer = UnsafeMutablePointer<UInt32>.allocate(capacity: SearchIndex.fieldCount * 31)
    private(set) var positionCount = 0

    init(list: PostingList) {
        self.list = list
        bytes = list.bytes.buffer
        stream = list.positions.buffer
    }

    deinit { positionBuffer.deallocate() }

    /// Whether the other word stands right after this one somewhere in
    /// the current record.
    @inline(__always)
    func isFollowed(by other: PostingCursor) -> Bool {
        for index in 0..<positionCount where other.has(positionBuffer[index] + 1) { return true }
        return false
    }

    /// Whether the current record has the word at `position`.
    @inline(__always)
    func has(_ position: UInt32) -> Bool {
        for index in 0..<positionCount where positionBuffer[index] == position { return true }
        return false
    }

    var positions: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: positionBuffer, count: positionCount) }

    /// The next record and its positions.
    func advance() {
        guard step() else { return }
        readPositions()
    }

    /// Forward to the first record at or after `target`, decoding the
    /// positions of that record only.
    func skip(to target: Int) {
        while document < target {
            guard step() else { return }
            if document >= target { break }
            for _ in 0..<PostingList.occurrences(packed) { _ = PostingList.readVarint(stream, &positionOffset) }
        }
        readPositions()
    }

    @inline(__always)
    private func readPositions() {
        var position: UInt32 = 0
        positionCount = PostingList.occurrences(packed)
        for index in 0..<positionCount {
            position += PostingList.readVarint(stream, &positionOffset)
            positionBuffer[index] = position
        }
    }

    /// Reads the next record and its frequencies; false at the end.
    @inline(__always)
    private func step() -> Bool {
        guard offset < bytes.count else {
            isAtEnd = true
            return false
        }
        document += Int(PostingList.readVarint(bytes, &offset))
        packed = PostingList.readVarint(bytes, &offset)
        return true
    }
}

/// Dense per-record working memory for one query: how many clauses each
/// record has met, its total score, and the current atom's best score.
/// Raw memory, as every posting of every query term passes through
/// `offer`, where array uniqueness and bounds checks would dominate.
final class Evaluation {
    let count: Int
    let level: UnsafeMutablePointer<UInt16>
    let total: UnsafeMutablePointer<Float>
    private let atomBest: UnsafeMutablePointer<Float>
    private let atomSeen: UnsafeMutablePointer<Bool>
    private let atomList: UnsafeMutablePointer<Int32>
    private(set) var atomCount = 0

    init(count: Int) {
        self.count = count
        level = .allocate(capacity: max(1, count))
        level.initialize(repeating: 0, count: count)
        total = .allocate(capacity: max(1, count))
        total.initialize(repeating: 0, count: count)
        atomBest = .allocate(capacity: max(1, count))
        atomBest.initialize(repeating: 0, count: count)
        atomSeen = .allocate(capacity: max(1, count))
        atomSeen.initialize(repeating: false, count: count)
        atomList = .allocate(capacity: max(1, count))
    }

    deinit {
        level.deallocate()
        total.deallocate()
        atomBest.deallocate()
        atomSeen.deallocate()
        atomList.deallocate()
    }

    /// The records the current atom has matched so far.
    var atomDocuments: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: atomList, count: atomCount) }

    func beginAtom() { atomCount = 0 }

    /// A record matches the current atom with this score (the best counts).
    @inline(__always)
    func offer(_ document: Int, _ score: Float) {
        if !atomSeen[document] {
            atomSeen[document] = true
            atomBest[document] = score
            atomList[atomCount] = Int32(document)
            atomCount += 1
        } else if score > atomBest[document] {
            atomBest[document] = score
        }
    }

    /// Folds the atom into clause `level`: records that met every earlier
    /// clause move up; an OR's second atom only adds score.
    func endAtom(level clause: UInt16) {
        for index in 0..<atomCount {
            let document = Int(atomList[index])
            if level[document] == clause {
                level[document] = clause + 1
                total[document] += atomBest[document]
            } else if level[document] == clause + 1 {
                total[document] += atomBest[document]
            }
            atomSeen[document] = false
        }
        atomCount = 0
    }

    func clearAtom() {
        for index in 0..<atomCount { atomSeen[Int(atomList[index])] = false }
        atomCount = 0
    }
}

extension SearchTokenizer {
    static func isCJKTerm(_ bytes: [UInt8]) -> Bool {
        guard let first = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        return isCJK(first.value)
    }
}
