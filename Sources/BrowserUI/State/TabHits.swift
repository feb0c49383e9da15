import OstromCore

/// What puts a search's hits in a tab, on any thread: the hits of the
/// tab's kinds that pass the query's state words, in rank order, made in
/// the memory of a list no tab shows any more (a million hits are 8 MB).
/// It holds the records only for state words: while a large library is
/// read, a thread holding them makes the next part's append copy them all
/// (1.4 s for a million records, on the main loop).
public struct TabHits: Sendable {
    /// Each record's kind as its `RecordKind.position`: a byte a record, so
    /// that a million hits are put in their tabs without reading records.
    private let kinds: [UInt8]
    private let inTab: [Bool]
    private let admits: (@Sendable (Int) -> Bool)?
    private let memory: ArrayMemory<Int>

    public init(tab: Tab, kindPositions: [UInt8], memory: ArrayMemory<Int>, admits: (@Sendable (Int) -> Bool)? = nil) {
        var listed = [Bool](repeating: false, count: RecordKind.allCases.count)
        for kind in tab.kinds { listed[kind.position] = true }
        (kinds, inTab, self.admits, self.memory) = (kindPositions, listed, admits, memory)
    }

    /// The records of the tab among the hits, in their order.
    public func callAsFunction(_ results: SearchResults) -> [Int] {
        // Room for every hit, then cut to those listed.
        var found = memory.take(count: results.hits.count, filledWith: 0)
        let listed = found.withUnsafeMutableBufferPointer { found in
            results.hits.withUnsafeBufferPointer { hits in kinds.withUnsafeBufferPointer { kinds in inTab.withUnsafeBufferPointer { inTab in
                // A million hits: a byte read for each, and the state words only when there are some.
                var listed = 0
                for hit in hits where hit.record < kinds.count && inTab[Int(kinds[hit.record])] && admits?(hit.record) ?? true {
                    found[listed] = hit.record
                    listed += 1
                }
                return listed
            } } }
        }
        found.removeLast(found.count - listed)
        memory.keep(found)
        return found
    }
}
