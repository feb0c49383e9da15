import Dispatch

/// Evaluating a query: AND across clauses, OR within one, exclusions,
/// filters; each hit scored by the rank rules (`RankClass`), then BM25F,
/// then recency. Scores live in dense per-record arrays, and only the best
/// `ranked` hits are sorted.
extension SearchIndex {
    /// Hits for a query; the first `ranked` are in rank order, the rest
    /// follow unordered (`SearchResults.rankMore` orders them on demand).
    /// The two halves of the records are searched on two cores.
    public func search(_ query: SearchQuery, ranked: Int = 200) -> SearchResults {
        let plan = QueryPlan(query, index: self)
        // Each half's records and its number (an index of one half has only the first).
        let halves = [(records: 0..<splitDocument, half: 0), (records: splitDocument..<count, half: 1)].filter { !$0.records.isEmpty }
        if let continued = plan.continued {
            DispatchQueue.concurrentPerform(iterations: halves.count) { part in
                prepareEnds(of: continued, range: halves[part].records, half: halves[part].half)
            }
        }
        // The same steps as the last query (a space typed in an open phrase, a word
        // typed on that stands for the same words): the same results.
        if var results = atoms.results(of: plan.atoms, ranked: ranked) {
            results.approximateWords = plan.approximateWords
            return results
        }
        let states = halves.map { evaluations.take(range: $0.records, clauses: plan.clauses.count) }
        defer { states.forEach(evaluations.keep) }
        var matchedInHalves = [[Bool]](repeating: [], count: halves.count)
        matchedInHalves.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: halves.count) { part in
                slots[part] = evaluate(plan, half: halves[part].half, into: states[part])
            }
        }
        var matched = [Bool](repeating: false, count: plan.slotCount)
        for flags in matchedInHalves { for (slot, flag) in flags.enumerated() where flag { matched[slot] = true } }
        var results = SearchResults(hits: hits(of: states), matchTerms: plan.matchTerms(matched: matched, index: self),
                                    rankedCount: 0, years: years)
        results.approximateWords = plan.approximateWords
        results.rankByProximity(words: plan.words, records: records)
        results.rankMore(upTo: ranked)
        hitMemory.keep(results.hits)
        atoms.keep(results, of: plan.atoms, ranked: ranked)
        return results
    }

    /// Makes the ends of a phrase's words in one half, unless kept: from
    /// the kept ends of all its words but the last (the space after the
    /// phrase's second word, after the space after its first), if any.
    private func prepareEnds(of words: [Int], range: Range<Int>, half: Int) {
        guard atoms.phraseEnds(of: words, half: half) == nil else { return }
        let before = words.count > 1 ? atoms.phraseEnds(of: Array(words.dropLast()), half: half) : nil
        atoms.keep(phraseEnds(of: words, after: before, range: range, half: half), of: words, half: half)
    }

    /// The halves' hits in one array, each half writing its own part on a
    /// core of its own: a word typed in a library of a million records
    /// matches most of them, and the array is all a keystroke takes from the
    /// system (each half's own, then both joined, took four times as much),
    /// in the memory of an earlier search's hits when it is free (`ArrayMemory`).
    private func hits(of states: [Evaluation]) -> [SearchHit] {
        let counts = states.map(\.hitCount)
        let starts = counts.indices.map { counts[..<$0].reduce(0, +) }
        let total = counts.reduce(0, +)
        var hits = hitMemory.take(count: total, filledWith: SearchHit(record: 0, score: 0))
        hits.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: states.count) { part in
                states[part].writeHits(into: UnsafeMutableBufferPointer(rebasing: buffer[starts[part]..<starts[part] + counts[part]]))
            }
        }
        return hits
    }

    /// Evaluates the plan over one half, leaving its hits in `state`:
    /// which of the plan's terms matched there.
    private func evaluate(_ plan: QueryPlan, half: Int, into state: Evaluation) -> [Bool] {
        var matched = [Bool](repeating: false, count: plan.slotCount)
        if plan.excluded.isEmpty, plan.clauses.count == 1, let lone = plan.clauses[0].first, plan.clauses[0].count == 1 {
            state.beginAtom()
            evaluate(lone, half: half, into: state, matched: &matched)
            state.endLoneAtom()
            return matched
        }
        for (level, clause) in plan.clauses.enumerated() {
            for placed in clause {
                state.beginAtom()
                evaluate(placed, half: half, into: state, matched: &matched)
                state.endAtom(level: UInt16(level))
            }
        }
        var ignored = matched
        for placed in plan.excluded {
            state.beginAtom()
            evaluate(placed, half: half, into: state, matched: &ignored)
            state.excludeAtom()
        }
        state.finish()
        return matched
    }

    /// Adds a step's matches in one half to the evaluation, marking the
    /// slots of the terms that matched: replayed when the atom was
    /// evaluated for earlier queries, and kept for the next otherwise
    /// (a prefix when it was evaluated once before).
    private func evaluate(_ placed: QueryPlan.Placed, half: Int, into state: Evaluation, matched: inout [Bool]) {
        let slots = placed.step.slotCount
        if let outcome = atoms.outcome(of: placed.key, half: half) {
            state.offer(outcome.hits)
            for (offset, flag) in outcome.matched.enumerated() where flag { matched[placed.slot + offset] = true }
            return
        }
        evaluateAnew(placed, half: half, into: state, matched: &matched)
        // An outcome too large to keep, or of a prefix evaluated for the first time, is not copied out at all.
        guard state.atomCount <= AtomCache.largestOutcome, atoms.isWorthKeeping(placed.key, half: half) else { return }
        var hits = atoms.outcomeMemory.take(count: state.atomCount, filledWith: SearchHit(record: 0, score: 0))
        hits.withUnsafeMutableBufferPointer { state.writeAtom(into: $0) }
        atoms.keep(AtomCache.Outcome(hits: hits, matched: Array(matched[placed.slot..<placed.slot + slots])), of: placed.key, half: half)
    }

    private func evaluateAnew(_ placed: QueryPlan.Placed, half: Int, into state: Evaluation, matched: inout [Bool]) {
        /// Offers every record of the half that passes a filter, scored 0.
        func offerEvery(where passes: (Int) -> Bool) {
            state.offering { offers in for document in state.range where passes(document) { offers.offer(document, 0) } }
        }
        switch placed.step {
        case .terms(let expansion, let field):
            score(expansion, field: field, half: half, into: state) { matched[placed.slot + $0] = true }
        case .phrase(let words, let ids, let field):
            if phrase(words, ids: ids, field: field, half: half, into: state) { matched[placed.slot] = true }
        case .nothing:
            break
        case .filter(.kind(let kind)):
            offerEvery { kinds[$0] == kind }
        case .filter(.type(let type)):
            offerEvery { types[$0].hasPrefix(type) && !types[$0].isEmpty }
        case .filter(.years(let years)):
            offerEvery { self.years[$0] != 0 && years.contains(Int(self.years[$0])) }
        case .filter(.doi(let doi)):
            offerEvery { dois[$0].hasPrefix(doi) && !dois[$0].isEmpty }
        case .filter(.term), .filter(.prefix), .filter(.phrase):
            preconditionFailure("words are no filter")
        }
    }

    /// The whole-word terms of query text.
    static func queryTerms(_ text: String) -> [[UInt8]] {
        var tokenizer = SearchTokenizer()
        var words: [[UInt8]] = []
        tokenizer.tokenize(text) { if $0.isWhole { words.append(Array($0.bytes)) } }
        return words
    }

    /// The mask of a field's counts in a packed posting, or of all fields'.
    static func mask(_ field: SearchField?) -> UInt32 {
        var mask: UInt32 = 0
        for field in field.map({ [$0] }) ?? SearchField.allCases { mask |= 31 << field.shift }
        return mask
    }

    /// BM25F for every record of one half holding one of the expansion's
    /// terms; a record keeps its best expansion's score. `matched` is told
    /// the place in the expansion of each term that matched.
    private func score(_ expansion: TermExpansion, field: SearchField?, half: Int, into state: Evaluation, matched: (Int) -> Void) {
        let mask = Self.mask(field)
        let (weighting, fieldCount) = (FieldWeighting.shared, Self.fieldCount)
        inverseNorms.withUnsafeBufferPointer { norms in state.offering { offers in
            // The atom's first term meets no record twice.
            let unseen = offers.count == 0
            for (offset, (id, weight, form)) in expansion.ids.enumerated() {
                let factor = weight * idf(Int(id))
                let (inHeading, elsewhere) = (RankClass.of(form, inHeading: true), RankClass.of(form, inHeading: false))
                var matchedAny = false
                postings[Int(id)].forEach(half: half) { document, all in
                    let bits = all & mask
                    guard bits != 0 else { return }
                    matchedAny = true
                    let rankClass = bits & RankClass.headingMask != 0 ? inHeading : elsewhere
                    let frequency = weighting.frequency(bits, norms: norms.baseAddress! + document * fieldCount)
                    let score = rankClass + factor * Self.saturated(frequency)
                    if offset == 0 && unseen { offers.offerUnseen(document, score) } else { offers.offer(document, score) }
                }
                if matchedAny { matched(offset) }
            }
        } }
    }

    /// Records of one half holding the words next to each other in this
    /// order, found by walking the words' posting lists together and
    /// comparing their positions, or the last word's alone when the ends
    /// of the others are kept (typed before it); scored as the words'
    /// BM25F scores summed, boosted. Whether any matched.
    private func phrase(_ words: [[UInt8]], ids: [Int], field: SearchField?, half: Int, into state: Evaluation) -> Bool {
        let offered = state.atomCount
        if field == nil, let ends = atoms.phraseEnds(of: Array(ids.dropLast()), half: half) {
            state.offering { offers in
                scoreFollowing(ends, with: ids[ids.count - 1], half: half) { document, total, inHeading in
                    offers.offer(document, RankClass.of(.exact, inHeading: inHeading) + total * 1.5)
                }
            }
            return state.atomCount > offered
        }
        let mask = Self.mask(field)
        let factors = ids.map { idf($0) }
        let (weighting, fieldCount) = (FieldWeighting.shared, Self.fieldCount)
        var tokenizer = SearchTokenizer()
        inverseNorms.withUnsafeBufferPointer { norms in state.offering { offers in
            forEachAdjacent(ids, mask: mask, half: half) { document, packed in
                if let field {
                    // Positions do not say which field: a field's phrase is checked in its text.
                    // (A record not given yet cannot be checked, and is left out.)
                    guard document < records.count else { return }
                    var inField = false
                    field.forEachText(of: records[document]) { if !inField { inField = Self.contains(words, in: $0, tokenizer: &tokenizer) } }
                    guard inField else { return }
                }
                var total: Float = 0
                var inHeading = true
                for (index, factor) in factors.enumerated() {
                    let bits = packed(index) & mask
                    total += factor * Self.saturated(weighting.frequency(bits, norms: norms.baseAddress! + document * fieldCount))
                    inHeading = inHeading && bits & RankClass.headingMask != 0
                }
                offers.offer(document, RankClass.of(.exact, inHeading: inHeading) + total * 1.5)
            }
        } }
        return state.atomCount > offered
    }

    /// Calls `body` with each record of one half where the terms stand next
    /// to each other in order (in fields of `mask`), and a function giving each
    /// term's packed posting there.
    private func forEachAdjacent(_ ids: [Int], mask: UInt32, half: Int, _ body: (Int, (Int) -> UInt32) -> Void) {
        if ids.count == 2 {
            forEachAdjacentPair(ids[0], ids[1], mask: mask, half: half) { document, one, two in body(document) { $0 == 0 ? one : two } }
            return
        }
        var cursors = ids.map { PostingCursor(list: postings[$0], half: half) }
        // Each word's positions in the record where all meet.
        let stride = PostingCursor.maximumPositions
        let positions = UnsafeMutablePointer<UInt32>.allocate(capacity: cursors.count * stride)
        defer { positions.deallocate() }
        var counts = [Int](repeating: 0, count: cursors.count)
        for index in cursors.indices { cursors[index].advance() }
        outer: while true {
            var highest = -1
            for cursor in cursors {
                if cursor.isAtEnd { break outer }
                highest = max(highest, cursor.document)
            }
            var aligned = true
            for index in cursors.indices where cursors[index].document < highest {
                aligned = false
                cursors[index].skip(to: highest)
            }
            guard aligned else { continue }
            if cursors.allSatisfy({ $0.packed & mask != 0 }) {
                for index in cursors.indices { counts[index] = cursors[index].readPositions(into: positions + index * stride) }
                let packed = cursors.map(\.packed)
                if Self.adjacent(positions, stride: stride, counts: counts) { body(highest) { packed[$0] } }
            }
            for index in cursors.indices { cursors[index].advance() }
        }
    }

    /// Calls `body` with each record of one half where the second term
    /// stands right after the first (in fields of `mask`), and the two
    /// terms' packed postings there: the two cursors walk in step.
    @inline(__always)
    private func forEachAdjacentPair(_ one: Int, _ two: Int, mask: UInt32, half: Int, _ body: (Int, UInt32, UInt32) -> Void) {
        var (first, second) = (PostingCursor(list: postings[one], half: half), PostingCursor(list: postings[two], half: half))
        first.advance()
        second.advance()
        while !first.isAtEnd && !second.isAtEnd {
            if first.document < second.document {
                first.skip(to: second.document)
            } else if second.document < first.document {
                second.skip(to: first.document)
            } else {
                if first.packed & mask != 0 && second.packed & mask != 0 && PostingCursor.follows(&first, &second) {
                    body(first.document, first.packed, second.packed)
                }
                first.advance()
                second.advance()
            }
        }
    }

    /// BM25's saturation of a term frequency.
    @inline(__always)
    static func saturated(_ frequency: Float) -> Float {
        frequency * (k1 + 1) / (frequency + k1)
    }

    /// Whether some position p of the first word has p+1 for the second,
    /// p+2 for the third, and so on; word i's positions are `counts[i]`
    /// from `positions + i * stride`.
    static func adjacent(_ positions: UnsafeMutablePointer<UInt32>, stride: Int, counts: [Int]) -> Bool {
        for start in UnsafeBufferPointer(start: positions, count: counts[0]) {
            var index = 1
            while index < counts.count
                    && UnsafeBufferPointer(start: positions + index * stride, count: counts[index]).contains(start + UInt32(index)) {
                index += 1
            }
            if index == counts.count { return true }
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

extension SearchTokenizer {
    static func isCJKTerm(_ bytes: [UInt8]) -> Bool {
        guard let first = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        return isCJK(first.value)
    }
}
