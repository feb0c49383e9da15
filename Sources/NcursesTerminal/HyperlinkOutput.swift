import TerminalCanvas

/// OSC 8 hyperlinks drawn over what ncurses has shown: ncurses cannot
/// attach a link to cells, so after each refresh the linked text is
/// written again at its place, wrapped in the link's sequences, between
/// DECSC and DECRC (which give ncurses back its cursor and attributes).
/// Only plain cells are linked (the `normal` role, drawn with the
/// terminal's default colours, so SGR 0 repeats them exactly) and only
/// single-width ASCII text; anything else stays as ncurses drew it.
enum HyperlinkOutput {
    static func bytes(for grid: CellGrid) -> [UInt8] {
        var output: [UInt8] = []
        for link in grid.links {
            guard link.y < grid.height, link.x + link.width <= grid.width else { continue }
            let cells = (link.x..<(link.x + link.width)).map { grid[$0, link.y] }
            guard cells.allSatisfy(isPlainASCII) else { continue }
            let text = cells.map(\.text).joined()
            output += Array("\u{1B}7\u{1B}[\(link.y + 1);\(link.x + 1)H\u{1B}[0m\u{1B}]8;;\(link.url)\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\\u{1B}8".utf8)
        }
        return output
    }

    /// A cell drawn in the default colours holding one printable ASCII character.
    private static func isPlainASCII(_ cell: Cell) -> Bool {
        guard cell.role == .normal, cell.width == 1, cell.text.utf8.count == 1, let byte = cell.text.utf8.first else { return false }
        return byte > 0x20 && byte < 0x7F
    }

    /// Whether the terminal is one to send OSC 8 to: not the Linux console
    /// or a VT-series terminal, and not turned off by `OSTROM_NO_HYPERLINKS`.
    static func wanted(environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        return environment["OSTROM_NO_HYPERLINKS"] == nil && !term.hasPrefix("linux") && !term.hasPrefix("vt")
    }
}
