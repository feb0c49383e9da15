import Foundation
import OstromCore

/// Writing to stdout and stderr; messages pass through the terminal-safe
/// sanitiser, as file names and document text may hold control bytes.
enum Console {
    static func print(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("ostrom: " + TerminalSafeText.sanitize(message, keepNewlines: true) + "\n").utf8))
    }

    /// The terminal's width when stdout is a terminal, else `nil` (no cut).
    static var outputWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Ends a command with an exit code and a message for stderr.
struct CommandFailure: Error {
    var code: Int32
    var message: String?
}
