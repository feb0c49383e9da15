import Foundation

/// The bytes of a text to page through: a file mapped into memory (a
/// 200 MB file opens at once and is never copied into a String) or text
/// held in memory. Lines end at LF; a CR before it is not shown.
public final class PagedText: @unchecked Sendable {
    public struct OpenError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public let bytes: UnsafeBufferPointer<UInt8>
    private let release: () -> Void

    /// Maps a file (`RawPath.map`: if another program cuts it short
    /// meanwhile, what stood past its new end reads as zeros, where the
    /// system would end ostrom).
    public init(path: String) throws(OpenError) {
        let descriptor = RawPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw OpenError(path: path, reason: "not a regular file") }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            release = {}
            return
        }
        guard let mapping = RawPath.map(descriptor, size: size) else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        bytes = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        release = { RawPath.unmap(mapping, size: size) }
    }

    /// Text held in memory (a transcript, an abstract).
    public init(text: String) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, text.utf8.count))
        _ = copy.initialize(from: text.utf8)
        bytes = UnsafeBufferPointer(start: copy.baseAddress, count: text.utf8.count)
        release = { copy.deallocate() }
    }

    deinit { release() }

    public var count: Int { bytes.count }

    /// The start of the line holding `offset`.
    public func lineStart(containing offset: Int) -> Int {
        guard offset > 0, let base = bytes.baseAddress else { return 0 }
        guard let found = memrchr(base, 0x0A, min(offset, count)) else { return 0 }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// The start of the line after the one starting at `start`, or nil at
    /// the last line.
    public func nextLineStart(after start: Int) -> Int? {
        guard start < count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0A, count - start) else { return nil }
        let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        return next < count ? next : nil
    }

    /// The start of the line before the one starting at `start`.
    public func previousLineStart(before start: Int) -> Int? {
        guard start > 0 else { return nil }
        return lineStart(containing: start - 1)
    }

    /// The end of the line starting at `start`, before its LF (and CR).
    public func lineEnd(from start: Int) -> Int {
        guard start < count, let base = bytes.baseAddress else { return start }
        var end = count
        if let found = memchr(base + start, 0x0A, count - start) {
            end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}

/// glibc's memrchr (a GNU extension the Glibc module does not export).
@_silgen_name("memrchr")
private func memrchr(_ buffer: UnsafeRawPointer, _ byte: Int32, _ count: Int) -> UnsafeMutableRawPointer?
