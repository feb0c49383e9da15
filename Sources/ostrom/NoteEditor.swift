import Foundation
import OstromCore

/// A note or a record edited in the user's editor (`$VISUAL`, else
/// `$EDITOR`, else `vi`): the text goes to a private temporary file, the
/// editor runs on it with an argument list (no shell; `EDITOR="code -w"`
/// is split on spaces), and the file's text comes back.
enum NoteEditor {
    struct Failure: Error {
        var reason: String
    }

    static func edit(_ text: String, name: String, fileExtension: String = "md",
                     environment: [String: String] = ProcessEnvironment.variables) -> Result<String, Failure> {
        let command = (environment["VISUAL"] ?? environment["EDITOR"]).flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let words = command.split(separator: " ").map(String.init)
        let safeName = String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let path = NSTemporaryDirectory() + "ostrom-\(fileExtension == "md" ? "note" : "record")-\(safeName)-\(getpid()).\(fileExtension)"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(Failure(reason: "cannot write \(path)"))
        }
        defer { unlink(path) }
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(words + [path], quiet: false)
        } catch {
            return .failure(Failure(reason: "cannot run \(words[0]): \(error.message)"))
        }
        let ending = ChildProcess.wait(pid)
        guard ending.succeeded else {
            // The editor's own name, not its path: the message must fit the status row.
            let editor = (words[0] as NSString).lastPathComponent
            return .failure(Failure(reason: "\(editor) \(ending.description); the \(fileExtension == "md" ? "note" : "record") is as it was"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(Failure(reason: "cannot read \(path)")) }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
