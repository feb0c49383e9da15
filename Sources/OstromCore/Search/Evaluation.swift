import Synchronization

/// Dense working memory for one query over a range of records: how many
/// clauses each record has met, its total score, the current atom's best
/// score, the records that have met every clause (the hits, in no
/// order), and those a query excludes. Records are addressed by their
/// number in the whole index. Raw memory, as every posting of every query
/// term passes through `offer`, where array uniqueness and bounds checks
/// would dominate. Used by one thread at a time, and kept for the next
/// query (`Evaluations`).
final class Evaluation: @unchecked Sendable {
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
    /// record is left seen: every atom ends with `endAtom` or
    /// `excludeAtom`, which clear the records they saw.)
    fileprivate func reset(clauses: Int) {
        self.clauses = clauses
        level.zero()
        total.zero()
        excluded?.zero()
        (atomCount, completeCount) = (0, 0)
    }

    /// The records the current atom has matched so far.
    var atomDocuments: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: atomList, count: atomCount) }

    func beginAtom() { atomCount = 0 }

    /// The current atom's best score for a record it matched.
    func atomScore(of document: Int) -> Float { atomBest[document] }

    /// Records the current atom matched, with their scores, offered at once
    /// (an atom evaluated before, replayed).
    func offer(_ documents: [Int32], _ scores: [Float]) {
        for (document, score) in zip(documents, scores) { offer(Int(document), score) }
    }

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
        for index in 0..<atomCount {
            let document = Int(atomList[index])
            atomSeen[document] = false
            excluded[document] = true
        }
        atomCount = 0
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
        for index in 0..<completeCount {
            let document = Int(complete[index])
            (buffer.baseAddress! + index).initialize(to: SearchHit(record: document, score: total[document]))
        }
    }

    /// One value per record of a range, addressed by the record's number
    /// in the whole index; all bits zero at first (0, or false).
    private final class Slots<Value: BitwiseCopyable> {
        private let start: UnsafeMutablePointer<Value>
        private let lowerBound: Int
        private let byteCount: Int

        init(_ range: Range<Int>) {
            byteCount = max(1, range.count) * MemoryLayout<Value>.stride
            let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: MemoryLayout<Value>.alignment)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
            start = raw.assumingMemoryBound(to: Value.self)
            lowerBound = range.lowerBound
        }

        deinit { start.deallocate() }

        /// All bits zero again.
        func zero() {
            UnsafeMutableRawPointer(start).initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        }

        @inline(__always)
        subscript(document: Int) -> Value {
            get { start[document &- lowerBound] }
            set { start[document &- lowerBound] = newValue }
        }
    }
}

/// The evaluations of the last queries, kept for the next: a query over a
/// million records needs 19 MB of working memory, which, taken fresh from
/// the system at every keystroke (blocks this large are mapped apart:
/// `FreedMemory.keepLargeBlocksApart`), costs page faults; zeroing again
/// what must start at zero costs less.
final class Evaluations: Sendable {
    private let kept = Mutex<[Evaluation]>([])
    /// Enough for two queries at once, each searching two halves.
    private static let capacity = 4

    /// An evaluation of `clauses` over `range`, kept or new, for one query
    /// to use and `keep`.
    func take(range: Range<Int>, clauses: Int) -> Evaluation {
        guard let taken = kept.withLock({ kept in kept.firstIndex { $0.range == range }.map { kept.remove(at: $0) } }) else {
            return Evaluation(range: range, clauses: clauses)
        }
        taken.reset(clauses: clauses)
        return taken
    }

    /// Keeps an evaluation a query is done with for the next.
    func keep(_ evaluation: Evaluation) {
        kept.withLock { kept in if kept.count < Self.capacity { kept.append(evaluation) } }
    }
}
