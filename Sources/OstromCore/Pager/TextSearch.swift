import Foundation

/// Finds a pattern in a text's bytes, on a thread of its own so that typing
/// never waits: the first match from a starting point (wrapping around the
/// end), then how many matches there are and which one that is.
/// Smart case: a pattern without capitals ignores ASCII case.
public final class TextSearch: @unchecked Sendable {
    public struct Outcome: Equatable, Sendable {
        /// Byte range of the match found, nil when there is none.
        public var match: Range<Int>?
        /// Whether the search went past the end (or start) to find it.
        public var wrapped: Bool
        /// 1-based number of the match, and how many there are.
        public var ordinal: Int?
        public var total: Int?
    }

    /// Bytes looked through between progress reports and cancel checks.
    static let chunk = 4 << 20

    public let pattern: [UInt8]
    public let ignoresCase: Bool
    private let text: PagedText
    private let lock = NSLock()
    private var outcome: Outcome?
    private var scanned = 0
    private var cancelled = false

    public init(pattern: String, text: PagedText) {
        let bytes = Array(pattern.utf8)
        ignoresCase = !pattern.contains { $0.isUppercase }
        self.pattern = ignoresCase ? bytes.map(Self.lower) : bytes
        self.text = text
    }

    /// Starts looking from `offset`, forward or backward.
    public func start(from offset: Int, forward: Bool) {
        Thread { [self] in run(from: offset, forward: forward) }.start()
    }

    /// Looks on the calling thread (tests, small texts).
    public func run(from offset: Int, forward: Bool) {
        let found = forward ? next(from: offset) : previous(before: offset)
        if isCancelled { return }
        var result = Outcome(match: found?.range, wrapped: found?.wrapped ?? false)
        lock.withLock { outcome = result }
        guard let match = found?.range else { return }
        // Then count: every match, and how many come before this one.
        var total = 0
        var ordinal = 0
        var position = 0
        while let range = first(in: position..<text.count) {
            total += 1
            if range.lowerBound <= match.lowerBound { ordinal = total }
            position = range.lowerBound + 1
            if total % 1024 == 0 && lock.withLock({ cancelled }) { return }
        }
        result.ordinal = ordinal
        result.total = total
        lock.withLock { outcome = result }
    }

    public func cancel() { lock.withLock { cancelled = true } }

    /// What has been found so far (nil while the first match is sought).
    public var current: Outcome? { lock.withLock { outcome } }

    /// How far the search for the first match has got, 0 to 1.
    public var progress: Double { lock.withLock { Double(scanned) / Double(max(1, text.count)) } }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    private func next(from offset: Int) -> (range: Range<Int>, wrapped: Bool)? {
        if let range = chunked(min(offset, text.count)..<text.count, done: 0) { return (range, false) }
        if let range = chunked(0..<min(offset + pattern.count, text.count), done: text.count - offset) { return (range, true) }
        return nil
    }

    /// `first(in:)` a chunk at a time, reporting progress and stopping
    /// when cancelled.
    private func chunked(_ range: Range<Int>, done: Int) -> Range<Int>? {
        var start = range.lowerBound
        while start < range.upperBound {
            if isCancelled { return nil }
            let end = min(range.upperBound, start + Self.chunk)
            if let found = first(in: start..<end) { return found }
            start = end
            lock.withLock { scanned = done + start - range.lowerBound }
        }
        return nil
    }

    private func previous(before offset: Int) -> (range: Range<Int>, wrapped: Bool)? {
        if let range = last(in: 0..<min(offset, text.count)) { return (range, false) }
        if let range = last(in: offset..<text.count) { return (range, true) }
        return nil
    }

    /// The first match starting in `range`.
    func first(in range: Range<Int>) -> Range<Int>? {
        guard let firstByte = pattern.first, let base = text.bytes.baseAddress, !range.isEmpty else { return nil }
        var position = range.lowerBound
        let limit = min(range.upperBound, text.count - pattern.count + 1)
        let upper = Self.upper(firstByte)
        while position < limit {
            // memchr finds the first byte; with ignored case, the nearer of both cases.
            var hit = memchr(base + position, Int32(firstByte), limit - position).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            if ignoresCase && upper != firstByte,
               let other = memchr(base + position, Int32(upper), (hit ?? limit) - position) {
                hit = base.distance(to: other.assumingMemoryBound(to: UInt8.self))
            }
            guard let candidate = hit else { return nil }
            if matches(at: candidate) { return candidate..<(candidate + pattern.count) }
            position = candidate + 1
        }
        return nil
    }

    /// The start of the first line at or after `offset` that holds a match.
    public func nextMatchingLine(from offset: Int) -> Int? {
        first(in: offset..<text.count).map { text.lineStart(containing: $0.lowerBound) }
    }

    /// The start of the last line before `offset` that holds a match.
    public func previousMatchingLine(before offset: Int) -> Int? {
        last(in: 0..<offset).map { text.lineStart(containing: $0.lowerBound) }
    }

    /// Every match starting in `range` (for highlighting what is on screen).
    public func matches(startingIn range: Range<Int>) -> [Range<Int>] {
        guard !pattern.isEmpty else { return [] }
        var found: [Range<Int>] = []
        for offset in max(0, range.lowerBound)..<min(range.upperBound, text.count) where matches(at: offset) {
            found.append(offset..<(offset + pattern.count))
        }
        return found
    }

    /// The last match starting in `range`.
    func last(in range: Range<Int>) -> Range<Int>? {
        var position = min(range.upperBound, text.count - pattern.count + 1) - 1
        while position >= range.lowerBound {
            if matches(at: position) { return position..<(position + pattern.count) }
            position -= 1
        }
        return nil
    }

    @inline(__always)
    private func matches(at offset: Int) -> Bool {
        guard offset + pattern.count <= text.count else { return false }
        for index in 0..<pattern.count {
            let byte = text.bytes[offset + index]
            if (ignoresCase ? Self.lower(byte) : byte) != pattern[index] { return false }
        }
        return true
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }
}
