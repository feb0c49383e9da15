extension PhraseEnds {
    /// The memory of one half's ends, one value per record of its range
    /// (21 bytes a record), kept for the next phrase's ends (`Memory`).
    final class Records: MemoryForRecords, @unchecked Sendable {
        let range: Range<Int>
        /// Where each record's ends start, and the next record's (one more).
        let starts: UnsafeMutablePointer<UInt32>
        let signatures: UnsafeMutablePointer<UInt64>
        let lastCounts: UnsafeMutablePointer<UInt32>
        let totals: UnsafeMutablePointer<Float>
        let inHeading: UnsafeMutablePointer<Bool>

        init(range: Range<Int>) {
            self.range = range
            let count = max(1, range.count)
            starts = .allocate(capacity: count + 1)
            signatures = .allocate(capacity: count)
            lastCounts = .allocate(capacity: count)
            totals = .allocate(capacity: count)
            inHeading = .allocate(capacity: count)
        }

        deinit {
            starts.deallocate()
            signatures.deallocate()
            lastCounts.deallocate()
            totals.deallocate()
            inHeading.deallocate()
        }
    }

    /// Memory given back by ends no longer used, for the next phrase's (one
    /// phrase's ends in two halves, while those of the next are in use): a
    /// common word's ends in a library of a million records take 10 MB a
    /// half, and taken fresh from the system, a quarter of making them was
    /// page faults.
    typealias Memory = KeptMemory<Records>
}
