import Foundation
import Testing

/// Runs the binary where a folder is mounted as a test needs it (read-only,
/// or a tmpfs of 1 MB), in a mount namespace of its own (`unshare`, found
/// on `PATH`): nothing outside sees the mount, and it is gone when the
/// runs end. As root, `unshare -m`; otherwise in a user namespace too
/// (`unshare -r -m`), where the user is root of its own mounts.
enum PrivateMounts {
    /// Runs `mount` (a shell command), then the binary once for each list
    /// of arguments, in order; their outputs, or a failed check when the
    /// mount could not be made.
    static func run(after mount: String, _ runs: [[String]], environment: [String: String],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> [OstromBinary.Output] {
        let outputs = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outputs) }
        var script = "set -u\n" + mount + " || exit 99\n"
        for (index, arguments) in runs.enumerated() {
            let file = outputs.appendingPathComponent(String(index)).path
            script += "\"$OSTROM\" " + arguments.map(quoted).joined(separator: " ")
                + " > \(quoted(file + ".out")) 2> \(quoted(file + ".err")); echo $? > \(quoted(file + ".status"))\n"
        }
        var environment = environment
        environment["OSTROM"] = OstromBinary.url.path
        let shell = try OstromBinary.run(["unshare"] + unshareOptions + ["sh", "-c", script], executable: URL(fileURLWithPath: "/usr/bin/env"),
                                         environment: environment)
        guard shell.status == 0 else {
            Issue.record("the mount could not be made (\(shell.status)): \(shell.stderr)", sourceLocation: sourceLocation)
            return []
        }
        return try runs.indices.map { index in
            let file = outputs.appendingPathComponent(String(index))
            func text(_ suffix: String) throws -> String { try String(contentsOfFile: file.path + suffix, encoding: .utf8) }
            return OstromBinary.Output(status: Int32(try text(".status").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
                                       stdout: try text(".out"), stderr: try text(".err"))
        }
    }

    /// The shell command that mounts a folder read-only over itself.
    static func readOnly(_ path: String) -> String {
        "mount --bind -o ro \(quoted(path)) \(quoted(path))"
    }

    /// `unshare`'s options for a mount namespace of our own.
    static let unshareOptions = getuid() == 0 ? ["-m"] : ["-r", "-m"]

    /// A word for `sh`, in single quotes.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
