import Foundation

/// A library read on another thread and handed over a part at a time, so
/// that the browser shows its first screen before the whole of a large
/// library is read, and the rest appears as it comes. The reader delivers
/// the parts in order, then finishes (with the reason when it stopped early).
public final class RecordsInBackground: @unchecked Sendable {
    /// Records, and the day each was added to the user's library (by
    /// position: `nil` for a record that is not in it, or when not known).
    public struct Part: Sendable {
        public var records: [Record]
        public var addedDays: [String?]

        public init(records: [Record], addedDays: [String?] = []) {
            self.records = records
            self.addedDays = addedDays
        }
    }

    /// What has come since the last `take`.
    public struct Taken: Sendable {
        public var parts: [Part]
        public var finished: Bool
        /// Why reading stopped early, if it did.
        public var failure: String?
    }

    /// How many records are coming in all.
    public let total: Int
    private let lock = NSLock()
    private var parts: [Part] = []
    private var finished = false
    private var failure: String?

    public init(total: Int) {
        self.total = total
    }

    public func deliver(_ part: Part) {
        lock.withLock { parts.append(part) }
    }

    public func finish(failure: String? = nil) {
        lock.withLock {
            self.failure = failure
            finished = true
        }
    }

    public func take() -> Taken {
        lock.withLock {
            defer { parts.removeAll() }
            return Taken(parts: parts, finished: finished, failure: failure)
        }
    }
}
