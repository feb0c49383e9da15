import Foundation

/// How many records a reader has made so far: counted by the importer as
/// it makes them (on every core), read by the browser's status row while
/// a large file is read.
///
/// The browser is also handed the first records as they are made
/// (`handsOver`), with the ids they will have once the file is read, so
/// that it lists them while the rest is read. An id is final early only
/// when it is the record's citation key met for the first time (a record
/// without one, or with a key met before, gets an id that depends on every
/// key of the file): records are handed over up to the first that is not so.
public final class ReadingProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var made = 0
    private var handOver: (@Sendable ([Record]) -> Void)?
    /// Records offered so far (`offer`), handed over or not.
    private var offeredCount = 0
    private var handedOverCount = 0
    private var keys: Set<String> = []
    private var stopped = false
    private var expectedCount = 0

    public init() {}

    public var count: Int { lock.withLock { made } }

    /// How many records are coming at most, as far as is known yet (a
    /// large BibTeX file's `@`s): room is made for them once.
    public var expected: Int { lock.withLock { expectedCount } }

    func expect(_ more: Int) {
        lock.withLock {
            expectedCount += more
            if handOver != nil && !stopped { keys.reserveCapacity(expectedCount) }
        }
    }

    /// How many of the first records were handed over.
    public var handedOver: Int { lock.withLock { handedOverCount } }

    /// Whether records offered now may still be handed over.
    var takesRecords: Bool { lock.withLock { handOver != nil && !stopped } }

    /// How many records were offered, the first ones of the load.
    var offered: Int { lock.withLock { offeredCount } }

    /// The first records made are given to `deliver`, in order, a part at a time.
    public func handsOver(to deliver: @escaping @Sendable ([Record]) -> Void) {
        lock.withLock { handOver = deliver }
    }

    func add(_ count: Int) {
        lock.withLock { made += count }
    }

    /// No more records are offered: the keys kept to check them are let go of.
    func offersEnd() {
        lock.withLock {
            stopped = true
            keys = []
        }
    }

    /// The records made after those offered before (callers offer them in
    /// the load's order, one at a time): copies of them, each given its id,
    /// are handed over, up to the first whose id is not known yet.
    func offer(_ records: UnsafeBufferPointer<Record>) {
        lock.withLock {
            offeredCount += records.count
            guard let handOver, !stopped else { return }
            var part: [Record] = []
            part.reserveCapacity(records.count)
            // By index: each record copied once (iterating copies each, then releases the copy).
            for index in records.indices {
                // As `RecordIdentifiers.assign` gives it: a key's first record has it as its id.
                guard let key = records[index].citationKey, keys.insert(key).inserted else {
                    stopped = true
                    keys = []
                    break
                }
                part.append(records[index])
                part[part.count - 1].id = key
            }
            guard !part.isEmpty else { return }
            handedOverCount += part.count
            handOver(part)
        }
    }
}
