extension PhraseEnds {
    /// Per record of one half, addressed by record minus the half's first.
    struct Columns {
        /// Where its ends start in the ends' positions; the next record's
        /// start is where they end (none: the record lacks the words).
        let starts: UnsafeMutablePointer<UInt32>
        /// The positions its next word must have as bits (each modulo 64):
        /// a position of the next word whose bit is clear is none of them,
        /// and most records are passed without reading their ends.
        let signatures: UnsafeMutablePointer<UInt64>
        /// To score it when the next word is found there: the last word's
        /// packed counts, and the score of the words before it with whether
        /// all stood in a heading (unused for a phrase of one word: nothing,
        /// and all did).
        let lastCounts: UnsafeMutablePointer<UInt32>
        let totals: UnsafeMutablePointer<Float>
        let inHeading: UnsafeMutablePointer<Bool>
    }

    /// The memory of one half's columns (21 bytes a record), kept for the
    /// next phrase's ends (`Memory`).
    final class Records: MemoryForRecords, @unchecked Sendable {
        let range: Range<Int>
        let columns: Columns

        init(range: Range<Int>) {
            self.range = range
            let count = max(1, range.count)
            columns = Columns(starts: .allocate(capacity: count + 1), signatures: .allocate(capacity: count), lastCounts: .allocate(capacity: count),
                              totals: .allocate(capacity: count), inHeading: .allocate(capacity: count))
        }

        deinit {
            columns.starts.deallocate()
            columns.signatures.deallocate()
            columns.lastCounts.deallocate()
            columns.totals.deallocate()
            columns.inHeading.deallocate()
        }
    }

    /// Memory given back by ends no longer used, for the next phrase's (one
    /// phrase's ends in two halves, while those of the next are in use): a
    /// common word's ends in a library of a million records take 10 MB a
    /// half, and taken fresh from the system, a quarter of making them was
    /// page faults.
    typealias Memory = KeptMemory<Records>
}
