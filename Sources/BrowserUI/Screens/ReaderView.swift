import OstromCore
import TerminalCanvas

/// A text full screen: its title on top, the wrapped text (a quoted
/// passage highlighted), the position and percentage at the bottom.
enum ReaderView {
    /// Rows left for text between the title and status rows.
    static func textHeight(_ height: Int) -> Int { max(1, height - 2) }

    static func draw(_ reader: ReaderState, into grid: inout CellGrid, keyMap: KeyMap) {
        let area = grid.bounds
        let (titleRow, rest) = area.splitTop(1)
        let (textArea, statusRow) = rest.splitBottom(1)
        grid.fill(titleRow, role: .header)
        grid.put(" " + reader.title, x: 0, y: 0, role: .header, limit: area.width)
        let rows = reader.rows(width: area.width)
        let top = reader.topRow(in: rows)
        for index in 0..<textArea.height {
            let rowIndex = top + index
            guard rowIndex < rows.count else { break }
            let row = rows[rowIndex]
            let highlighted = reader.highlight?.contains(row.line) ?? false
            grid.draw(StyledLine(row.text, highlighted ? .match : .normal), x: 0, y: textArea.y + index, width: area.width)
        }
        let lastShown = min(rows.count, top + textArea.height)
        let percent = rows.isEmpty ? 100 : lastShown * 100 / rows.count
        let line = rows.indices.contains(top) ? rows[top].line + reader.firstSourceLine : reader.firstSourceLine
        StatusLine.draw(into: &grid, area: statusRow, position: "line \(line)  \(percent)%", message: nil,
                        hints: StatusLine.hints(keyMap: keyMap, screen: .reader))
    }
}
