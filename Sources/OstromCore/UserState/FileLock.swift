import Foundation

/// An exclusive `flock` on a lock file, held until `release()`: instances
/// saving at the same moment take turns. Another instance holding it is
/// waited for at most `waitingAtMost` seconds (`onWait` is told once, so
/// the user sees why), never for ever; the lock file is never opened
/// through a symbolic link.
struct FileLock {
    private let descriptor: Int32

    init(path: String, waitingAtMost seconds: Double, onWait: (() -> Void)? = nil) throws(AtomicFile.WriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(seconds)
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EINTR || failure == EWOULDBLOCK else {
                close(descriptor)
                throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(failure)))
            }
            guard Date() < deadline else {
                close(descriptor)
                throw AtomicFile.WriteError(path: path, reason: "another ostrom is saving and holds this lock; nothing was saved")
            }
            if !told, failure == EWOULDBLOCK {
                onWait?()
                told = true
            }
            usleep(20_000)
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
