import Foundation

/// A note edited in the user's editor (`$VISUAL`, else `$EDITOR`, else
/// `vi`): the text goes to a private temporary file, the editor runs on it
/// with an argument list (no shell; `EDITOR="code -w"` is split on spaces),
/// and the file's text comes back.
enum NoteEditor {
    struct Failure: Error {
        var reason: String
    }

    static func edit(_ text: String, name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<String, Failure> {
        let command = (environment["VISUAL"] ?? environment["EDITOR"]).flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let words = command.split(separator: " ").map(String.init)
        let safeName = String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let path = NSTemporaryDirectory() + "ostrom-note-\(safeName)-\(getpid()).md"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(Failure(reason: "cannot write \(path)"))
        }
        defer { unlink(path) }
        let arguments = words + [path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The editor gets the default signal handlers, not ours.
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, words[0], nil, &attributes, &argv, environ)
        guard status == 0 else { return .failure(Failure(reason: "cannot run \(words[0]): \(String(cString: strerror(status)))")) }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        guard exitStatus == 0 else { return .failure(Failure(reason: "\(words[0]) failed; the note is as it was")) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(Failure(reason: "cannot read \(path)")) }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
