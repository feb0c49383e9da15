import Foundation

/// The index of a run of records, numbered from 0: what one core builds.
/// Parts merge by appending, renumbering terms and records.
struct IndexPart {
    var terms = TermTable()
    var postings: [PostingList] = []
    /// Per record and field, the number of words.
    var lengths: [Float] = []
    var count = 0

    init(records: ArraySlice<Record>) {
        let fieldCount = SearchIndex.fieldCount
        var tokenizer = SearchTokenizer()
        var terms = TermTable()
        var postings: [PostingList] = []
        // Per term, for the record being indexed: packed counts and the
        // chain of its positions (occurrence lists linked through `next`).
        var scratch: [UInt32] = []
        var firstOccurrence: [Int32] = []
        var lastOccurrence: [Int32] = []
        // Reused every record: filled up to their counts, never shrunk.
        var occurrencePositions: [UInt32] = []
        var nextOccurrence: [Int32] = []
        var occurrenceCount = 0
        var positionBuffer = [UInt32](repeating: 0, count: SearchField.allCases.count * 31)
        var touched: [Int] = []
        var touchedCount = 0
        let encoding = UnsafeMutablePointer<UInt8>.allocate(capacity: PostingList.scratchBytes)
        defer { encoding.deallocate() }
        var lengths = [Float](repeating: 0, count: records.count * fieldCount)
        for (document, record) in records.enumerated() {
            var position: UInt32 = 0
            for field in SearchField.allCases {
                let shift = field.shift
                var length = 0
                field.forEachText(of: record) { text in
                    tokenizer.tokenize(text) { token in
                        let id = terms.insert(token.bytes)
                        if id == scratch.count {
                            scratch.append(0)
                            postings.append(PostingList())
                            firstOccurrence.append(-1)
                            lastOccurrence.append(-1)
                        }
                        if token.isWhole {
                            position += 1
                            length += 1
                        }
                        if scratch[id] == 0 {
                            if touchedCount == touched.count { touched.append(id) } else { touched[touchedCount] = id }
                            touchedCount += 1
                        }
                        guard (scratch[id] >> shift) & 31 < 31 else { return }
                        scratch[id] += 1 << shift
                        let occurrence = occurrenceCount
                        if occurrence == occurrencePositions.count {
                            occurrencePositions.append(position)
                            nextOccurrence.append(-1)
                        } else {
                            occurrencePositions[occurrence] = position
                            nextOccurrence[occurrence] = -1
                        }
                        occurrenceCount += 1
                        if lastOccurrence[id] >= 0 { nextOccurrence[Int(lastOccurrence[id])] = Int32(occurrence) } else { firstOccurrence[id] = Int32(occurrence) }
                        lastOccurrence[id] = Int32(occurrence)
                    }
                    position += SearchIndex.textGap
                }
                lengths[document * fieldCount + field.rawValue] = Float(length)
            }
            positionBuffer.withUnsafeMutableBufferPointer { buffer in
                for id in touched[0..<touchedCount] {
                    var filled = 0
                    var occurrence = Int(firstOccurrence[id])
                    while occurrence >= 0 {
                        buffer[filled] = occurrencePositions[occurrence]
                        filled += 1
                        occurrence = Int(nextOccurrence[occurrence])
                    }
                    postings[id].append(document: document, packed: scratch[id],
                                        positions: UnsafeBufferPointer(rebasing: buffer[0..<filled]), scratch: encoding)
                    scratch[id] = 0
                    firstOccurrence[id] = -1
                    lastOccurrence[id] = -1
                }
            }
            touchedCount = 0
            occurrenceCount = 0
        }
        self.terms = terms
        self.postings = postings
        self.lengths = lengths
        count = records.count
    }

    /// Appends another part's records after this part's.
    mutating func append(_ other: IndexPart) {
        for id in 0..<other.terms.count {
            let global = other.terms.bytes(of: id).withUnsafeBufferPointer { terms.insert($0) }
            if global == postings.count { postings.append(PostingList()) }
            postings[global].append(other.postings[id], documentOffset: count)
        }
        lengths += other.lengths
        count += other.count
    }
}
