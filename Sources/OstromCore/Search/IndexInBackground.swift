import Foundation

/// A library's search index, built on another thread: the browser shows
/// its first screen while a large library is still being indexed (1.6 s
/// for 100 000 records), and the first search waits for the index.
public final class IndexInBackground: @unchecked Sendable {
    private let condition = NSCondition()
    private var built: SearchIndex?

    /// Starts building the index of `records`.
    public init(records: [Record]) {
        Thread.detachNewThread { [self] in
            let index = SearchIndex(records: records)
            condition.withLock {
                built = index
                condition.broadcast()
            }
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
