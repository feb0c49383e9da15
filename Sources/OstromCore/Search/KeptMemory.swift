import Synchronization

/// Working memory made for a range of records (one half of an index's).
protocol MemoryForRecords: AnyObject, Sendable {
    var range: Range<Int> { get }
}

/// Working memory a search is done with, kept for the next search over the
/// same records: memory this large (a value or more per record of a half)
/// is mapped apart from the rest (`FreedMemory.keepLargeBlocksApart`), and
/// taken fresh from the system at every keystroke it costs page faults.
final class KeptMemory<Memory: MemoryForRecords>: Sendable {
    private let kept = Mutex<[Memory]>([])
    private let capacity: Int

    /// Keeps `capacity` at most.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Memory kept for the records of `range`, if any: the last kept, whose
    /// pages the search before touched (the others are there for searches
    /// at once, and a search's first touch of a page is a page fault).
    func take(range: Range<Int>) -> Memory? {
        kept.withLock { kept in kept.lastIndex { $0.range == range }.map { kept.remove(at: $0) } }
    }

    /// Keeps memory no search uses any more (unless enough is kept).
    func keep(_ memory: Memory) {
        kept.withLock { kept in if kept.count < capacity { kept.append(memory) } }
    }
}
