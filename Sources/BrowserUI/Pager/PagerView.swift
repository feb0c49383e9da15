import OstromCore
import TerminalCanvas

/// The pager on screen: the title, the rows of text (search matches and a
/// quoted passage highlighted, line numbers when asked), and a status row
/// with the line, the percentage and any message, or the search prompt.
enum PagerView {
    static func draw(_ pager: PagerState, into grid: inout CellGrid, keyMap: KeyMap, message: String?) {
        let area = grid.bounds
        let (titleRow, rest) = area.splitTop(1)
        let (textArea, statusRow) = rest.splitBottom(1)
        grid.fill(titleRow, role: .header)
        grid.put(" " + pager.title, x: 0, y: 0, role: .header, limit: area.width)
        if let contents = pager.contents {
            drawContents(contents, into: &grid, area: textArea)
            StatusLine.draw(into: &grid, area: statusRow, position: "Contents \(contents.selected + 1)/\(contents.headings.count)",
                            message: nil, hints: "Enter go  q close")
            return
        }
        let gutter = pager.numbers ? 8 : 0
        let width = max(1, area.width - gutter)
        var position: Int? = pager.top
        var lastEnd = pager.top
        var firstLine: Int?
        for index in 0..<textArea.height {
            guard let start = position, start < pager.text.count || (start == 0 && index == 0) else { break }
            let row = PagerRows.row(in: pager.text, at: start, width: width, wrap: pager.wrap, words: pager.words, column: pager.column)
            let y = textArea.y + index
            if pager.numbers && row.startsLine, let number = pager.lines.lineNumber(at: start) {
                if firstLine == nil { firstLine = number }
                let label = String(number)
                grid.put(String(repeating: " ", count: max(0, gutter - 1 - label.count)) + label + " ", x: 0, y: y, role: .dim)
            }
            var x = gutter
            // Matches starting a little before the row can reach into it.
            let reach = pager.search.map { $0.pattern.count } ?? 0
            let matches = pager.search?.matches(startingIn: (start - reach + 1)..<(row.pieces.last?.bytes.upperBound ?? start)) ?? []
            for piece in row.pieces {
                let highlighted = matches.contains { $0.overlaps(piece.bytes) }
                    || (pager.passage.map { $0.overlaps(piece.bytes) } ?? false)
                x += grid.put(piece.text, x: x, y: y, role: highlighted ? .match : .normal, limit: area.maxX - x)
            }
            lastEnd = row.pieces.last?.bytes.upperBound ?? start
            position = PagerRows.next(after: row, in: pager.text, filter: pager.filter)
        }
        if let prompt = pager.prompt {
            let search = SearchPrompt(editor: prompt.editor, previousFilter: nil, previousList: ListState())
            let (sign, label) = switch prompt.kind {
            case .searchForward: ("/", "search forward")
            case .searchBackward: ("?", "search backward")
            case .line: (":", "go to line")
            case .filter: ("&", "show only lines with")
            }
            PromptLine.draw(search, into: &grid, area: statusRow, count: label)
            if statusRow.width > 0 { grid.put(sign, x: statusRow.x, y: statusRow.y, role: .statusKey) }
            return
        }
        let percent = pager.text.count == 0 ? 100 : (position == nil ? 100 : lastEnd * 100 / pager.text.count)
        let progress = pager.lines.progress
        var place = "\(percent)%"
        if let line = pager.lines.lineNumber(at: pager.text.lineStart(containing: pager.top)) {
            place = "line \(line)" + (progress.complete ? "/\(progress.lines)" : "") + "  " + place
        }
        if !progress.complete { place += "  counting lines \(progress.scanned * 100 / max(1, pager.text.count))%" }
        if let filter = pager.filter { place += "  &" + String(decoding: filter.pattern, as: UTF8.self) }
        StatusLine.draw(into: &grid, area: statusRow, position: place, message: pager.message ?? message,
                        hints: StatusLine.hints(keyMap: keyMap, screen: .pager))
    }

    /// The headings, the selected one kept in view.
    private static func drawContents(_ contents: (headings: [Sections.Heading], selected: Int), into grid: inout CellGrid, area: Rect) {
        let first = max(0, min(contents.selected - area.height / 2, contents.headings.count - area.height))
        for row in 0..<area.height where first + row < contents.headings.count {
            let index = first + row
            let role: StyleRole = index == contents.selected ? .selection : .normal
            grid.draw(StyledLine("  " + contents.headings[index].title, role), x: area.x, y: area.y + row, width: area.width, fill: role)
        }
    }
}
