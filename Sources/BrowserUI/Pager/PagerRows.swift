import OstromCore

/// One screen row of a paged text: its visible characters, each with the
/// bytes it came from (for highlights), and where the next row starts.
struct PagerRow {
    struct Piece {
        var text: String
        var bytes: Range<Int>
    }

    var start: Int
    var pieces: [Piece]
    /// Where the row after this one starts, nil at the end of the text.
    var next: Int?
    var startsLine: Bool
}

/// Lays a text out in rows from any byte offset, by character (as `less`
/// wraps), decoding only a screen's worth of bytes: a 10 MB line costs what
/// its visible part costs.
enum PagerRows {
    static let tabWidth = 8
    /// Lines longer than this are not laid out from their start to find a
    /// row above: rows there step back a screen width of characters.
    static let longLine = 64 << 10

    /// The start of the row that ends at `end` within its line: `width`
    /// columns of characters back, reading only that many bytes.
    static func stepBack(in text: PagedText, from end: Int, lineStart: Int, width: Int) -> Int {
        var windowStart = max(lineStart, end - width * 4 - 16)
        // Start on a character, not inside one.
        while windowStart < end && text.bytes[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
        let characters = Array(String(decoding: UnsafeBufferPointer(rebasing: text.bytes[windowStart..<end]), as: UTF8.self))
        var used = 0
        var start = end
        for character in characters.reversed() {
            let visible = character == "\t" ? String(repeating: " ", count: tabWidth) : TerminalSafeText.sanitize(String(character))
            let characterWidth = DisplayWidth.of(visible)
            if used + characterWidth > width { break }
            used += characterWidth
            start -= character.utf8.count
        }
        return start == end ? max(lineStart, end - 1) : start
    }


    /// The row starting at `start`: wrapped, the next `width` columns of its
    /// line (with `words`, up to the last space that fits, as mutt and
    /// newsboat wrap prose; a word longer than the row is cut, and a line
    /// too long to lay out from its start wraps by character); unwrapped,
    /// the line's columns from `column`.
    static func row(in text: PagedText, at start: Int, width: Int, wrap: Bool, words: Bool = false, column: Int) -> PagerRow {
        let lineEnd = text.lineEnd(from: start)
        let lineStart = text.lineStart(containing: start)
        let startsLine = start == lineStart
        var skip = wrap ? 0 : column
        // Far to the right in a long line, the left edge is found by bytes
        // (exact for ASCII): decoding every character before it would cost
        // what the line costs, not what the screen shows.
        var from = start
        if skip > longLine {
            from = min(lineEnd, start + skip)
            while from > start && from < text.count && text.bytes[from] & 0xC0 == 0x80 { from -= 1 }
            skip = 0
        }
        var window = min(lineEnd, from + (skip + width) * 4 + 16)
        var characters = Array(String(decoding: UnsafeBufferPointer(rebasing: text.bytes[from..<window]), as: UTF8.self))
        // One character longer than the window (a letter with hundreds of
        // combining marks): the window grows until it holds it whole, or the
        // row would never move on.
        // (Two: a cut tail decodes as U+FFFD, a character of its own.)
        while window < lineEnd && characters.count <= 2 {
            window = min(lineEnd, from + (window - from) * 2)
            characters = Array(String(decoding: UnsafeBufferPointer(rebasing: text.bytes[from..<window]), as: UTF8.self))
        }
        var pieces: [PagerRow.Piece] = []
        var used = 0
        var offset = from
        var consumedAll = true
        for (index, character) in characters.enumerated() {
            let length = character.utf8.count
            // The window's last character may be cut short: leave it to the next row.
            if window < lineEnd && index == characters.count - 1 { consumedAll = false; break }
            let visible: String
            if character == "\t" {
                visible = String(repeating: " ", count: tabWidth - (used % tabWidth))
            } else {
                visible = TerminalSafeText.sanitize(String(character))
            }
            let visibleWidth = DisplayWidth.of(visible)
            if used - skip + visibleWidth > width && used >= skip {
                consumedAll = false
                break
            }
            if used >= skip { pieces.append(PagerRow.Piece(text: visible, bytes: offset..<(offset + length))) }
            used += visibleWidth
            offset += length
        }
        // A character wider than the row (hundreds of combining marks with no
        // letter, each shown as <U+0301>) is shown cut, so that the row moves on.
        if wrap && offset == from, skip == 0, let first = characters.first, !consumedAll {
            let visible = TerminalSafeText.sanitize(String(first))
            pieces.append(PagerRow.Piece(text: TextWrapping.truncate(visible, width: width), bytes: from..<(from + first.utf8.count)))
            offset += first.utf8.count
        }
        if wrap && words && !consumedAll && offset < lineEnd && lineEnd - lineStart <= longLine {
            if text.bytes[offset] == 0x20 {
                // The row ends at a word's end: the space between is not shown.
                offset += 1
            } else if let lastSpace = pieces.lastIndex(where: { $0.text == " " }), lastSpace > 0 {
                offset = pieces[lastSpace].bytes.upperBound
                pieces.removeSubrange((lastSpace + 1)...)
            }
        }
        let next: Int?
        if wrap && !consumedAll {
            next = offset
        } else {
            next = text.nextLineStart(after: start)
        }
        return PagerRow(start: start, pieces: pieces, next: next, startsLine: startsLine)
    }

    /// The row after `row`: its line's next row, else the next line (with
    /// a filter, the next line that matches).
    static func next(after row: PagerRow, in text: PagedText, filter: TextSearch?) -> Int? {
        guard let filter, let next = row.next, next == text.lineStart(containing: next) else { return row.next }
        return filter.nextMatchingLine(from: next)
    }

    /// The start of the row above the one at `start`.
    static func previousRowStart(in text: PagedText, before start: Int, width: Int, wrap: Bool, words: Bool = false,
                                 filter: TextSearch? = nil) -> Int? {
        let lineStart = text.lineStart(containing: start)
        if !wrap || start == lineStart {
            let above = filter.map { $0.previousMatchingLine(before: lineStart) } ?? text.previousLineStart(before: lineStart)
            guard let previousLine = above else { return nil }
            guard wrap else { return previousLine }
            let previousEnd = text.lineEnd(from: previousLine)
            if previousEnd - previousLine > longLine {
                return stepBack(in: text, from: previousEnd, lineStart: previousLine, width: width)
            }
            // The last row of the line above (which, filtered, may not be the line just before).
            let end = min(lineStart, text.nextLineStart(after: previousLine) ?? text.count)
            var row = previousLine
            while let next = PagerRows.row(in: text, at: row, width: width, wrap: true, words: words, column: 0).next, next < end { row = next }
            return row
        }
        // Inside a wrapped line: step back in a long one, else walk its rows up to this one.
        if start - lineStart > longLine { return stepBack(in: text, from: start, lineStart: lineStart, width: width) }
        var row = lineStart
        while let next = PagerRows.row(in: text, at: row, width: width, wrap: true, words: words, column: 0).next, next < start { row = next }
        return row
    }

    /// The row start `count` rows below (or above, for a negative count)
    /// `start`, stopping at the text's ends.
    static func move(in text: PagedText, from start: Int, rows count: Int, width: Int, wrap: Bool, words: Bool = false,
                     filter: TextSearch? = nil) -> Int {
        var position = start
        if count >= 0 {
            for _ in 0..<count {
                let current = row(in: text, at: position, width: width, wrap: wrap, words: words, column: 0)
                guard let next = Self.next(after: current, in: text, filter: filter) else { break }
                position = next
            }
        } else {
            for _ in 0..<(-count) {
                guard let previous = previousRowStart(in: text, before: position, width: width, wrap: wrap, words: words, filter: filter) else { break }
                position = previous
            }
        }
        return position
    }
}
