import Foundation

/// Writes a file so that a crash or kill at any moment leaves the old
/// content or the new, never a truncated mix: a temporary file in the same
/// folder, fsync, then rename over the target. The temporary has a name no
/// one can guess and is created new (`O_EXCL | O_NOFOLLOW`): a symbolic link
/// planted there is never written through.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Removes the temporary files that writers of `path` left when they
    /// were killed (their process is gone); call it holding the file's lock.
    public static func removeStaleTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = "." + (path as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = name.dropFirst(prefix.count).split(separator: ".").first.flatMap({ Int32($0) }), pid != getpid(),
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: folder, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 where descriptor < 0 {
            temporary = folder + "/." + (path as NSString).lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor < 0 && errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        var failure = data.withUnsafeBytes { Descriptor.writeAll($0, to: descriptor) }.nonZeroErrorText
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw WriteError(path: temporary, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        // Make the rename itself durable.
        let folderDescriptor = open(folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}

private extension Int32 {
    /// An errno's text; nil for 0.
    var nonZeroErrorText: String? { self == 0 ? nil : String(cString: strerror(self)) }
}
