import Foundation
import OstromCore

/// Writing to stdout and stderr; messages pass through the terminal-safe
/// sanitiser, as file names and document text may hold control bytes.
enum Console {
    /// Writes to stdout. A reader that left (a closed pipe, with SIGPIPE
    /// ignored) ends the program quietly with 141, as the signal would; any
    /// other failure (a full disk, a closed stdout) is said in one line on
    /// stderr and ends it with 2.
    static func print(_ text: String, terminator: String = "\n") {
        ended(write(text + terminator, to: STDOUT_FILENO))
    }

    /// A JSON array to stdout as it is made, element by element (a library
    /// of 100 000 records is never all in memory as text), then a newline.
    static func printJSONArray(count: Int, element: @Sendable (Int) -> JSONValue) {
        JSONValue.streamArray(count: count, element: element) { bytes in
            ended(bytes.withUnsafeBytes { Descriptor.writeAll($0, to: STDOUT_FILENO) })
        }
        print("")
    }

    /// A JSON object to stdout whose last member, an array, is written as
    /// it is made (as `printJSONArray`), then a newline.
    static func printJSONObject(_ head: [(String, JSONValue)], then key: String, count: Int, element: @Sendable (Int) -> JSONValue) {
        JSONValue.streamObject(head, then: key, count: count, element: element) { bytes in
            ended(bytes.withUnsafeBytes { Descriptor.writeAll($0, to: STDOUT_FILENO) })
        }
        print("")
    }

    /// Ends the program when writing stdout failed (`failure` is its errno).
    private static func ended(_ failure: Int32) {
        guard failure != 0 else { return }
        if failure == EPIPE { exit(128 + SIGPIPE) }
        error("cannot write the output: \(String(cString: strerror(failure)))")
        exit(2)
    }

    /// A document (an export): byte for byte to a file or a pipe; to a
    /// terminal, control and bidi characters are shown visibly (`<U+202E>`),
    /// as everywhere else.
    static func printDocument(_ text: String) {
        print(isatty(STDOUT_FILENO) == 1 ? TerminalSafeText.sanitize(text, keepNewlines: true, tabWidth: 8) : text, terminator: "")
    }

    static func error(_ message: String) {
        // Nothing is left to tell if stderr itself cannot be written.
        _ = write("ostrom: " + TerminalSafeText.sanitize(message, keepNewlines: true) + "\n", to: STDERR_FILENO)
    }

    /// Writes all of `text`; 0, or the errno of the write that failed.
    private static func write(_ text: String, to descriptor: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { Descriptor.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
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
