import Foundation
import OstromCore

/// Starts a program with an argument list (no shell), with the default
/// signal handlers and mask rather than ostrom's; `quiet` sends its
/// stdin/stdout/stderr to /dev/null so it cannot draw over the browser.
enum ChildProcess {
    /// A start that failed: the errno, and its text.
    struct Failure: Error {
        var code: Int32
        var message: String { String(cString: strerror(code)) }
    }

    /// The child's pid.
    static func spawn(_ arguments: [String], quiet: Bool) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            for descriptor: Int32 in [0, 1, 2] {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = withCleanSpawnAttributes { posix_spawnp(&pid, arguments[0], &actions, &$0, &argv, environ) }
        guard status == 0 else { throw Failure(code: status) }
        return pid
    }

    /// How a child ended.
    enum Ending: Equatable {
        case exited(Int32)
        case killed(by: Int32)

        var succeeded: Bool { self == .exited(0) }

        /// "exited with status 3", "was killed by signal 9".
        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .killed(let signal): "was killed by signal \(signal)"
            }
        }
    }

    /// Waits for the child; how it ended.
    @discardableResult
    static func wait(_ pid: pid_t) -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .killed(by: signal)
    }
}
