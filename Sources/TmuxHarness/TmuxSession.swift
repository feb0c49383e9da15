import Foundation
import OstromCore

/// A private tmux server running one command in a pane of a given size,
/// for driving the real binary as a user would (fzf's and tig's way): the
/// end-to-end tests and the pager benchmark use it.
public final class TmuxSession {
    public let folder: URL
    /// The server's socket: in `folder` when its path fits a Unix socket's
    /// 108 bytes, else in a folder of its own under /tmp (a long `$TMPDIR`
    /// must not stop the tests).
    private let socket: String
    private let socketFolder: String?

    /// Starts `command` under `sh -c` in a detached session. tmux is started
    /// with posix_spawn and a clean signal mask: Foundation's Process hangs
    /// on `new-session`, and the test runner's blocked signals would be
    /// inherited by the app.
    public init(width: Int = 100, height: Int = 30, command: String, environment: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        (socket, socketFolder) = try Self.socketPath(in: folder)
        // State (search history) and the config file are the session's folder's, never the user's.
        let arguments = ["tmux", "-S", socket, "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                         // NO_COLOR from the test runner's environment (swift test may set it) is not the session's.
                         "env", "-u", "NO_COLOR", "LANG=C.UTF-8", "TERM=tmux-256color", "SWIFT_BACKTRACE=enable=no",
                         "XDG_STATE_HOME=" + folder.appendingPathComponent("state").path,
                         "XDG_CONFIG_HOME=" + folder.appendingPathComponent("config").path,
                         "XDG_DATA_HOME=" + folder.appendingPathComponent("data").path] + environment + ["sh", "-c", command]
        try Self.spawnAndWait(arguments)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
        if let socketFolder { try? FileManager.default.removeItem(atPath: socketFolder) }
    }

    /// The socket's path, and the folder made for it when `folder` is too deep.
    private static func socketPath(in folder: URL) throws -> (String, String?) {
        let inFolder = folder.appendingPathComponent("sock").path
        if inFolder.utf8.count < 100 { return (inFolder, nil) }
        var template = Array("/tmp/ostrom-tmux-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TmuxError("cannot make a folder for tmux's socket") }
        let short = String(cString: made)
        return (short + "/sock", short)
    }

    private static func spawnAndWait(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = withCleanSpawnAttributes { posix_spawnp(&pid, arguments[0], &actions, &$0, cArguments, environ) }
        guard status == 0 else { throw TmuxError("cannot start tmux: \(String(cString: strerror(status)))") }
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
    }

    /// Runs a tmux command on this server and returns what it printed.
    /// Spawned directly (not through Foundation's Process, which costs
    /// several milliseconds a call), so that polling the screen is cheap.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw TmuxError("cannot make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let all = ["tmux", "-S", socket] + arguments
        let cArguments = all.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "tmux", &actions, nil, cArguments, environ)
        close(pipe[1])
        guard status == 0 else {
            close(pipe[0])
            throw TmuxError("cannot run tmux: \(String(cString: strerror(status)))")
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        close(pipe[0])
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
        return String(decoding: output, as: UTF8.self)
    }

    public func send(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    public func capture() throws -> String {
        try tmux(["capture-pane", "-p"])
    }

    /// The screen with its colours and attributes as escape sequences.
    public func captureStyled() throws -> String {
        try tmux(["capture-pane", "-p", "-e"])
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 10 ms until `predicate` holds; fails with the
    /// last screen after `timeout` seconds.
    @discardableResult
    public func waitFor(_ description: String, timeout: Double = 10, interval: useconds_t = 10_000, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(interval)
        }
        throw TmuxError("timed out waiting for \(description); the screen was:\n\(screen)")
    }

    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// The pid of the pane's first process (the shell).
    public func panePID() throws -> pid_t {
        pid_t(try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The pid of the program running below the pane's shell.
    public func appPID(named program: String = "ostrom") throws -> pid_t {
        let shell = try panePID()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(entry),
                      let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                let name = stat[stat.index(after: stat.firstIndex(of: "(")!)..<close]
                let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
                if name == program, fields.count > 1, pid_t(fields[1]) == shell { return pid }
            }
            usleep(10_000)
        }
        throw TmuxError("no \(program) process under the pane's shell")
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
