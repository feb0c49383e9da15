import Foundation

/// Counts the lines of a text on a background thread, keeping the offset
/// of every 256th line start: enough to turn a line number into an offset
/// and back with a short scan, in about 0.01% of a large file's size. The
/// pager never waits for it; until it is done, line numbers and the line
/// count say how far it has got.
public final class LineIndex: @unchecked Sendable {
    public static let checkpointInterval = 256
    /// Bytes scanned between publishing progress.
    static let chunk = 4 << 20

    private let text: PagedText
    private let lock = NSLock()
    private var checkpoints: [Int] = [0]
    private var scanned = 0
    private var lines = 0
    private var complete = false
    private var cancelled = false

    public init(text: PagedText) {
        self.text = text
    }

    /// Starts counting on a thread of its own.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Counts on the calling thread (small texts, tests).
    public func build() { run() }

    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Lines counted, bytes scanned, and whether the count is final.
    public var progress: (lines: Int, scanned: Int, complete: Bool) {
        lock.withLock { (lines, scanned, complete) }
    }

    private func run() {
        let bytes = text.bytes
        guard let base = bytes.baseAddress else {
            lock.withLock { complete = true; lines = 0 }
            return
        }
        var position = 0
        var count = 0
        var found: [Int] = []
        // A line end at `offset` counted; every 256th line's start kept.
        func counted(_ offset: Int) {
            count += 1
            if count % Self.checkpointInterval == 0 && offset + 1 < bytes.count { found.append(offset + 1) }
        }
        let raw = UnsafeRawPointer(base)
        let lineFeeds = ByteScan.Chunk(repeating: 0x0A)
        while position < bytes.count {
            let end = min(bytes.count, position + Self.chunk)
            // Sixteen bytes at a time, whatever the lines' length: their line ends
            // counted at once, or one by one where a checkpoint falls among them.
            while position + ByteScan.Chunk.scalarCount <= end {
                let chunk = raw.loadUnaligned(fromByteOffset: position, as: ByteScan.Chunk.self)
                let ends = ByteScan.laneCount(chunk .== lineFeeds)
                if count % Self.checkpointInterval + ends < Self.checkpointInterval {
                    count += ends
                } else {
                    for offset in position..<position + ByteScan.Chunk.scalarCount where base[offset] == 0x0A { counted(offset) }
                }
                position += ByteScan.Chunk.scalarCount
            }
            while position < end {
                if base[position] == 0x0A { counted(position) }
                position += 1
            }
            let stop = lock.withLock {
                checkpoints += found
                scanned = position
                lines = count
                return cancelled
            }
            found.removeAll(keepingCapacity: true)
            if stop { return }
        }
        // A last line without LF still counts.
        let lastLineUnterminated = bytes.count > 0 && bytes[bytes.count - 1] != 0x0A
        lock.withLock {
            lines = count + (lastLineUnterminated ? 1 : 0)
            scanned = bytes.count
            complete = true
        }
    }

    /// The 1-based number of the line starting at `offset`, when the count
    /// has got that far.
    public func lineNumber(at offset: Int) -> Int? {
        let (points, reached) = lock.withLock { (checkpoints, scanned) }
        guard offset <= reached || offset == 0 else { return nil }
        var low = 0
        var high = points.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if points[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var line = low * Self.checkpointInterval + 1
        var position = points[low]
        while position < offset, let next = text.nextLineStart(after: position), next <= offset {
            position = next
            line += 1
        }
        return line
    }

    /// The offset where 1-based `line` starts, when the count has got that
    /// far (past the end: the last line).
    public func offset(ofLine line: Int) -> Int? {
        let (points, counted, done) = lock.withLock { (checkpoints, lines, complete) }
        let target = max(1, line)
        guard target <= counted || done else { return nil }
        let checkpoint = min((target - 1) / Self.checkpointInterval, points.count - 1)
        var position = points[checkpoint]
        var current = checkpoint * Self.checkpointInterval + 1
        while current < target, let next = text.nextLineStart(after: position) {
            position = next
            current += 1
        }
        return position
    }
}
