/// Dense working memory for one query over a range of records: how many
/// clauses each record has met, its total score, the current atom's best
/// score, and the records that have met every clause (the hits, in no
/// order). Records are addressed by their number in the whole index.
/// Raw memory, as every posting of every query term passes through
/// `offer`, where array uniqueness and bounds checks would dominate.
final class Evaluation {
    let range: Range<Int>
    private let clauses: Int
    private let level: Slots<UInt16>
    private let total: Slots<Float>
    private let atomBest: Slots<Float>
    private let atomSeen: Slots<Bool>
    private let atomList: UnsafeMutablePointer<Int32>
    private(set) var atomCount = 0
    private let complete: UnsafeMutablePointer<Int32>
    private var completeCount = 0

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

    /// The records that have met every clause.
    var completeDocuments: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: complete, count: completeCount) }

    /// The records the current atom has matched so far.
    var atomDocuments: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: atomList, count: atomCount) }

    /// A record's total score over the clauses.
    func score(of document: Int) -> Float { total[document] }

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

    func clearAtom() {
        for index in 0..<atomCount { atomSeen[Int(atomList[index])] = false }
        atomCount = 0
    }

    /// One value per record of a range, addressed by the record's number
    /// in the whole index; all bits zero at first (0, or false).
    private final class Slots<Value: BitwiseCopyable> {
        private let start: UnsafeMutablePointer<Value>
        private let lowerBound: Int

        init(_ range: Range<Int>) {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, range.count) * MemoryLayout<Value>.stride,
                                                       alignment: MemoryLayout<Value>.alignment)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, range.count) * MemoryLayout<Value>.stride)
            start = raw.assumingMemoryBound(to: Value.self)
            lowerBound = range.lowerBound
        }

        deinit { start.deallocate() }

        @inline(__always)
        subscript(document: Int) -> Value {
            get { start[document &- lowerBound] }
            set { start[document &- lowerBound] = newValue }
        }
    }
}
