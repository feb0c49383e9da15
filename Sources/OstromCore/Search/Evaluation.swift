/// Dense working memory for one query over a range of records: how many
/// clauses each record has met, its total score, the current atom's best
/// score, the records that have met every clause (the hits, in no
/// order), and those a query excludes. Records are addressed by their
/// number in the whole index. Raw memory, as every posting of every query
/// term passes through `Offers.offer`, where array uniqueness and bounds
/// checks would dominate. Used by one thread at a time, and kept for the
/// next query (`Evaluations`).
final class Evaluation: MemoryForRecords, @unchecked Sendable {
    let range: Range<Int>
    private var clauses: Int
    private let level: Slots<UInt16>
    private let total: Slots<Float>
    private let atomBest: Slots<Float>
    private let atomSeen: Slots<Bool>
    private let atomList: UnsafeMutablePointer<Int32>
    private(set) var atomCount = 0
    private let complete: UnsafeMutablePointer<Int32>
    private var completeCount = 0
    /// Made for the first query that excludes records.
    private var excluded: Slots<Bool>?
    /// Whether an atom was folded into the clauses' levels and totals, or
    /// records excluded, since they were last zeroed.
    private var folded = false
    private var excludedAny = false
    /// Whether the hits are the lone atom's records, with its scores
    /// (`endLoneAtom`), not the records that met every clause.
    private var hitsAreTheAtom = false

    init(range: Range<Int>, clauses: Int) {
        self.range = range
        self.clauses = clauses
        level = Slots(range)
        total = Slots(range)
        atomBest = Slots(range)
        atomSeen = Slots(range)
        atomList = .allocate(capacity: max(1, range.count))
        complete = .allocate(capacity: max(1, range.count))
    }

    deinit {
        atomList.deallocate()
        complete.deallocate()
    }

    /// As made, for a query of `clauses` over the same records. (No
    /// record is left seen: every atom ends with `endAtom`, `endLoneAtom`
    /// or `excludeAtom`, which clear the records they saw.)
    fileprivate func reset(clauses: Int) {
        self.clauses = clauses
        if folded {
            level.zero()
            total.zero()
            folded = false
        }
        if excludedAny {
            excluded?.zero()
            excludedAny = false
        }
        (atomCount, completeCount, hitsAreTheAtom) = (0, 0, false)
    }

    func beginAtom() { atomCount = 0 }

    /// Records the current atom matched, with their scores, offered at once
    /// to the atom just begun (an atom evaluated before, replayed): each
    /// once, so none was seen.
    func offer(_ hits: [SearchHit]) {
        offering { offers in
            precondition(offers.count == 0, "an atom's outcome is replayed as it begins")
            for hit in hits { offers.offerUnseen(hit.record, hit.score) }
        }
    }

    /// Lets `body` offer records to the current atom through values a loop
    /// over postings keeps in registers: the evaluation's fields are read
    /// once, not again after every store at every posting.
    func offering<Result>(_ body: (inout Offers) -> Result) -> Result {
        var offers = Offers(seen: atomSeen.base, best: atomBest.base, list: atomList, count: atomCount)
        defer { atomCount = offers.count }
        return body(&offers)
    }

    /// The current atom's records and best scores, addressed by record number.
    struct Offers {
        fileprivate let seen: UnsafeMutablePointer<Bool>
        fileprivate let best: UnsafeMutablePointer<Float>
        fileprivate let list: UnsafeMutablePointer<Int32>
        fileprivate(set) var count: Int

        /// A record matches the current atom with this score (the best counts).
        @inline(__always)
        mutating func offer(_ document: Int, _ score: Float) {
            if !seen[document] {
                offerUnseen(document, score)
            } else if score > best[document] {
                best[document] = score
            }
        }

        /// A record the current atom has not matched before matches it (an
        /// atom's first term: a posting list holds each record once).
        @inline(__always)
        mutating func offerUnseen(_ document: Int, _ score: Float) {
            seen[document] = true
            best[document] = score
            // Record numbers fit in 32 bits (`SearchHit`).
            list[count] = Int32(truncatingIfNeeded: document)
            count &+= 1
        }
    }

    /// Folds the atom into clause `level`: records that met every earlier
    /// clause move up; an OR's second atom only adds score.
    func endAtom(level clause: UInt16) {
        folded = true
        for index in 0..<atomCount {
            let document = Int(atomList[index])
            if level[document] == clause {
                level[document] = clause + 1
                total[document] += atomBest[document]
                if Int(clause) + 1 == clauses {
                    complete[completeCount] = Int32(document)
                    completeCount += 1
                }
            } else if level[document] == clause + 1 {
                total[document] += atomBest[document]
            }
            atomSeen[document] = false
        }
        atomCount = 0
    }

    /// The atom's records are no hits, whatever clauses they meet.
    func excludeAtom() {
        let excluded = self.excluded ?? Slots(range)
        self.excluded = excluded
        excludedAny = true
        for index in 0..<atomCount {
            let document = Int(atomList[index])
            atomSeen[document] = false
            excluded[document] = true
        }
        atomCount = 0
    }

    /// The query's one atom, of its one clause, without exclusions: its
    /// records are the hits, with its scores, and the clauses' levels and
    /// totals are neither written nor zeroed again (a word typed, the
    /// most common query, matches most of a large library at every
    /// keystroke). Ends the query; `finish` is not called.
    func endLoneAtom() {
        for index in 0..<atomCount { atomSeen[Int(atomList[index])] = false }
        (completeCount, hitsAreTheAtom) = (atomCount, true)
    }

    /// Every clause and exclusion evaluated: the hits are the records that
    /// met every clause (every record of the range when there is none)
    /// but those excluded.
    func finish() {
        if clauses == 0 {
            completeCount = 0
            for document in range {
                complete[completeCount] = Int32(document)
                completeCount += 1
            }
        }
        guard let excluded else { return }
        var kept = 0
        for index in 0..<completeCount where !excluded[Int(complete[index])] {
            complete[kept] = complete[index]
            kept += 1
        }
        completeCount = kept
    }

    /// How many hits there are (`finish`).
    var hitCount: Int { completeCount }

    /// Writes the hits with their scores into `buffer`, `hitCount` long.
    func writeHits(into buffer: UnsafeMutableBufferPointer<SearchHit>) {
        let (records, scores) = hitsAreTheAtom ? (atomList, atomBest) : (complete, total)
        Self.write(records, count: completeCount, scores: scores.base, into: buffer)
    }

    /// Writes the current atom's records matched so far, each with its best
    /// score, into `buffer`, `atomCount` long.
    func writeAtom(into buffer: UnsafeMutableBufferPointer<SearchHit>) {
        Self.write(atomList, count: atomCount, scores: atomBest.base, into: buffer)
    }

    private static func write(_ records: UnsafeMutablePointer<Int32>, count: Int, scores: UnsafeMutablePointer<Float>,
                              into buffer: UnsafeMutableBufferPointer<SearchHit>) {
        for index in 0..<count {
            let document = Int(records[index])
            buffer[index] = SearchHit(record: document, score: scores[document])
        }
    }

    /// One value per record of a range, addressed by the record's number
    /// in the whole index; all bits zero at first (0, or false).
    private final class Slots<Value: BitwiseCopyable> {
        private let start: UnsafeMutablePointer<Value>
        private let byteCount: Int
        /// Where record 0's value would be: `base[document]` is the value
        /// of a record of the range.
        let base: UnsafeMutablePointer<Value>

        init(_ range: Range<Int>) {
            byteCount = max(1, range.count) * MemoryLayout<Value>.stride
            let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: MemoryLayout<Value>.alignment)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
            start = raw.assumingMemoryBound(to: Value.self)
            base = start - range.lowerBound
        }

        deinit { start.deallocate() }

        /// All bits zero again.
        func zero() {
            UnsafeMutableRawPointer(start).initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        }

        @inline(__always)
        subscript(document: Int) -> Value {
            get { base[document] }
            set { base[document] = newValue }
        }
    }
}

/// The evaluations of the last queries, kept for the next: a query over a
/// million records needs 19 MB of working memory, which, taken fresh from
/// the system at every keystroke, costs page faults; zeroing again what
/// must start at zero costs less.
final class Evaluations: Sendable {
    /// Enough for two queries at once, each searching two halves.
    private let kept = KeptMemory<Evaluation>(capacity: 4)

    /// An evaluation of `clauses` over `range`, kept or new, for one query
    /// to use and `keep`.
    func take(range: Range<Int>, clauses: Int) -> Evaluation {
        guard let taken = kept.take(range: range) else { return Evaluation(range: range, clauses: clauses) }
        taken.reset(clauses: clauses)
        return taken
    }

    /// Keeps an evaluation a query is done with for the next.
    func keep(_ evaluation: Evaluation) {
        kept.keep(evaluation)
    }
}
