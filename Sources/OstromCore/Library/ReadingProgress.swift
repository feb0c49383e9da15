import Foundation

/// How many records a reader has made so far: counted by the importer as
/// it makes them (on every core), read by the browser's status row while
/// a large file is read.
public final class ReadingProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var made = 0

    public init() {}

    public var count: Int { lock.withLock { made } }

    func add(_ count: Int) {
        lock.withLock { made += count }
    }
}
