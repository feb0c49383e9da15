import ArgumentParser
import BrowserUI
import Foundation
import NcursesTerminal
import OstromCore

/// `ostrom page FILE`: any text file in the pager, like `less FILE`; with
/// stdout not a terminal, the text copied through with control characters
/// made visible.
struct PageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "page", abstract: "Page through a text file, like less.")

    @Argument(help: "The file to read.") var file: String

    @Flag(name: [.customShort("S"), .long], help: "Start with long lines cut, not wrapped (w toggles).")
    var chopLongLines = false

    func run() throws {
        try Self.page(file, wrapping: chopLongLines ? .none : .character)
    }

    /// Pages a file on a terminal, or copies it through.
    static func page(_ file: String, wrapping: PagerState.Wrapping = .character) throws {
        let text: PagedText
        do {
            text = try PagedText(path: file)
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            copy(text)
            return
        }
        // realpath, not URL: Foundation's URL costs some 9 ms on first use.
        let canonical = realpath(file, nil)
        defer { free(canonical) }
        var pager = PagerState(title: file, text: text, document: canonical.map { String(cString: $0) } ?? file)
        pager.wrapping = wrapping
        try BrowserSession.page(pager)
    }

    /// Writes the text to stdout in chunks, safe for a terminal.
    static func copy(_ text: PagedText) {
        var offset = 0
        while offset < text.count {
            // Cut chunks at a line end so that no character is split.
            var end = min(text.count, offset + (1 << 20))
            if end < text.count { end = text.lineStart(containing: end) }
            if end <= offset { end = min(text.count, offset + (1 << 20)) }
            let chunk = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[offset..<end]), as: UTF8.self)
            Console.print(TerminalSafeText.sanitize(chunk, keepNewlines: true, tabWidth: 8), terminator: "")
            offset = end
        }
    }
}
