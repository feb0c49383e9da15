import Foundation

/// The index of a run of records, numbered from 0: what one core builds.
/// Parts merge by appending, renumbering terms and records.
struct IndexPart {
    // No defaults: a default table (room for 65 536 terms, 512 KB filled)
    // would be made and thrown away by every part built.
    var terms: TermTable
    var postings: [PostingList]
    /// Per record and field, the number of words.
    var lengths: [Float]
    var count: Int

    /// `indexed`: told of the records indexed so far (by their numbers in
    /// the library), a long-text store's worth at a time.
    init(records: ArraySlice<Record>, indexed: (@Sendable (Range<Int>) -> Void)? = nil) {
        let fieldCount = SearchIndex.fieldCount
        var tokenizer = SearchTokenizer()
        // Room for the vocabulary of a large library from the start; a few records need little.
        var terms = TermTable(capacity: min(1 << 16, 16 + 64 * records.count))
        let tails = PostingTails()
        let scratch = RecordScratch()
        var positionBuffer = [UInt32](repeating: 0, count: SearchField.allCases.count * 31)
        var lengths = [Float](repeating: 0, count: records.count * fieldCount)
        for (document, record) in records.enumerated() {
            var position: UInt32 = 0
            for field in SearchField.allCases {
                let shift = field.shift
                var length = 0
                field.forEachText(of: record) { text in
                    tokenizer.tokenize(text) { token in
                        let id = terms.insert(token.bytes)
                        if id == tails.count {
                            tails.addTerm()
                            scratch.makeRoom(forTerm: id)
                        }
                        if token.isWhole {
                            position += 1
                            length += 1
                        }
                        scratch.add(term: id, shift: shift, position: position)
                    }
                    position += SearchIndex.textGap
                }
                lengths[document * fieldCount + field.rawValue] = Float(length)
            }
            positionBuffer.withUnsafeMutableBufferPointer { buffer in
                scratch.forEachTerm(positionsInto: buffer.baseAddress!) { id, packed, filled in
                    tails.append(term: id, document: document, packed: packed, positions: UnsafeBufferPointer(rebasing: buffer[0..<filled]))
                }
            }
            // At the stores' ends (by the records' numbers in the library, which a half's do not start at).
            if let indexed, (records.startIndex + document + 1) % LongTextStore.recordsPerStore == 0 {
                indexed(records.startIndex..<(records.startIndex + document + 1))
            }
        }
        indexed?(records.indices)
        self.terms = terms
        postings = tails.lists()
        self.lengths = lengths
        count = records.count
    }

    /// Appends another part's records after this part's; each of its
    /// lists is let go of once appended, so that both halves are never
    /// held whole at once.
    mutating func append(_ other: consuming IndexPart) {
        var lists: [PostingList] = []
        swap(&lists, &other.postings)
        for id in 0..<other.terms.count {
            let global = other.terms.bytes(of: id).withUnsafeBufferPointer { terms.insert($0) }
            if global == postings.count { postings.append(PostingList()) }
            postings[global].append(lists[id], documentOffset: count)
            lists[id] = PostingList.appended
        }
        lengths += other.lengths
        count += other.count
    }
}

/// What one record's words leave before its postings are written: per
/// term, its packed counts and the chain of its positions (occurrences
/// linked through `next`); the terms it touched, in order. Raw memory,
/// grown by doubling and reused record after record, as every word of
/// the library passes through `add`, where arrays' uniqueness and bounds
/// checks cost more than the work.
private final class RecordScratch {
    private var termCapacity = 1024
    private var packed: UnsafeMutablePointer<UInt32>
    private var first: UnsafeMutablePointer<Int32>
    private var last: UnsafeMutablePointer<Int32>
    private var touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    private var occurrenceCapacity = 1024
    private var positions: UnsafeMutablePointer<UInt32>
    private var next: UnsafeMutablePointer<Int32>
    private var occurrenceCount = 0

    init() {
        (packed, first, last, touched) = (Self.filled(0, termCapacity), Self.filled(-1, termCapacity),
                                          Self.filled(-1, termCapacity), Self.filled(0, termCapacity))
        (positions, next) = (Self.filled(0, occurrenceCapacity), Self.filled(-1, occurrenceCapacity))
    }

    deinit {
        for pointer in [UnsafeMutableRawPointer(packed), UnsafeMutableRawPointer(first), UnsafeMutableRawPointer(last),
                        UnsafeMutableRawPointer(touched), UnsafeMutableRawPointer(positions), UnsafeMutableRawPointer(next)] {
            pointer.deallocate()
        }
    }

    /// Room for a new term's slots: no counts, no positions.
    func makeRoom(forTerm id: Int) {
        guard id >= termCapacity else { return }
        let capacity = termCapacity * 2
        packed = Self.grown(packed, from: termCapacity, to: capacity, filling: 0)
        first = Self.grown(first, from: termCapacity, to: capacity, filling: -1)
        last = Self.grown(last, from: termCapacity, to: capacity, filling: -1)
        touched = Self.grown(touched, from: touchedCount, to: capacity, filling: 0)
        termCapacity = capacity
    }

    /// A word of term `id` at `position`, in the field of `shift`; a
    /// field counts at most 31 of a term's words.
    @inline(__always)
    func add(term id: Int, shift: UInt32, position: UInt32) {
        let counts = packed[id]
        if counts == 0 {
            touched[touchedCount] = Int32(id)
            touchedCount += 1
        }
        guard (counts >> shift) & 31 < 31 else { return }
        packed[id] = counts + 1 << shift
        if occurrenceCount == occurrenceCapacity {
            let capacity = occurrenceCapacity * 2
            positions = Self.grown(positions, from: occurrenceCapacity, to: capacity, filling: 0)
            next = Self.grown(next, from: occurrenceCapacity, to: capacity, filling: -1)
            occurrenceCapacity = capacity
        }
        let occurrence = Int32(occurrenceCount)
        positions[occurrenceCount] = position
        next[occurrenceCount] = -1
        occurrenceCount += 1
        if last[id] >= 0 { next[Int(last[id])] = occurrence } else { first[id] = occurrence }
        last[id] = occurrence
    }

    /// Each term the record touched, in order, with its packed counts and
    /// its positions written to `buffer` (how many); then forgets the record.
    func forEachTerm(positionsInto buffer: UnsafeMutablePointer<UInt32>, _ body: (Int, UInt32, Int) -> Void) {
        for index in 0..<touchedCount {
            let id = Int(touched[index])
            var filled = 0
            var occurrence = Int(first[id])
            while occurrence >= 0 {
                buffer[filled] = positions[occurrence]
                filled += 1
                occurrence = Int(next[occurrence])
            }
            body(id, packed[id], filled)
            packed[id] = 0
            first[id] = -1
            last[id] = -1
        }
        touchedCount = 0
        occurrenceCount = 0
    }

    private static func filled<Value>(_ value: Value, _ capacity: Int) -> UnsafeMutablePointer<Value> {
        let pointer = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        pointer.initialize(repeating: value, count: capacity)
        return pointer
    }

    private static func grown<Value>(_ pointer: UnsafeMutablePointer<Value>, from count: Int, to capacity: Int,
                                     filling value: Value) -> UnsafeMutablePointer<Value> {
        let larger = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        larger.moveInitialize(from: pointer, count: count)
        (larger + count).initialize(repeating: value, count: capacity - count)
        pointer.deallocate()
        return larger
    }
}
