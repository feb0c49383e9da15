import Foundation

/// A library's search index, built on another thread: the browser shows
/// its first screen while a large library is still being indexed (1.6 s
/// for 100 000 records), and a search typed meanwhile runs once it is.
public final class IndexInBackground: @unchecked Sendable {
    private let condition = NSCondition()
    private var built: SearchIndex?

    /// Libraries smaller than this are indexed at once, in under 0.1 s.
    public static let backgroundThreshold = 5000

    /// The index of `records`: built at once for a small library, else
    /// started on another thread. (The browser starts every index on
    /// another thread, its first screen waiting for none; this is for a
    /// state made without it, the pager's and the tests'.)
    public convenience init(records: [Record]) {
        if records.count < Self.backgroundThreshold {
            self.init(index: SearchIndex(records: records))
        } else {
            self.init { SearchIndex(records: records) }
        }
    }

    /// Starts `build` on another thread (tests choose when it ends).
    public convenience init(build: @escaping @Sendable () -> SearchIndex) {
        self.init()
        Thread.detachNewThread { [self] in fulfil(build()) }
    }

    /// An index another thread will give with `fulfil` (a library read
    /// while the browser runs: its kept index before its records, or the
    /// one built once it has read them all).
    public init() {}

    public func fulfil(_ index: SearchIndex) {
        condition.withLock {
            built = index
            condition.broadcast()
        }
    }

    /// An index built already.
    public init(index: SearchIndex) {
        built = index
    }

    /// Whether the index is ready, so that asking for it will not wait.
    public var isReady: Bool {
        condition.withLock { built != nil }
    }

    /// The index, once it is built.
    public var index: SearchIndex {
        condition.withLock {
            while built == nil { condition.wait() }
            return built!
        }
    }
}
