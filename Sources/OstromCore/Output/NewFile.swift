import Foundation

/// Writes a file that must not exist yet (an export from the browser):
/// written beside it under another name, synced, then linked into place,
/// which fails if the name was taken meanwhile; nothing is ever replaced.
public enum NewFile {
    /// `cancelled`, asked once the text is synced, keeps it from being
    /// linked into place.
    public static func write(_ text: String, to path: String, unless cancelled: () -> Bool = { false }) throws(Failure) {
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        var text = text
        let written = text.withUTF8 { Descriptor.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        let synced = written == 0 && fsync(descriptor) == 0
        let reason = String(cString: strerror(written != 0 ? written : errno))
        close(descriptor)
        guard synced else { throw Failure(path: path, reason: reason) }
        guard !cancelled() else { throw Failure(path: path, reason: "cancelled") }
        guard link(temporary, path) == 0 else {
            throw Failure(path: path, reason: errno == EEXIST ? "it exists already; give another name" : String(cString: strerror(errno)))
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(RawPath.display(path)): \(reason)" }
    }
}
