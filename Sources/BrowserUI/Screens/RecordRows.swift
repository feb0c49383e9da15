import OstromCore
import TerminalCanvas

/// One record as a row of a tab's list, laid out by the tab's columns: a
/// space between columns (none after the star's), each cut or padded to
/// its width, the title taking what the others leave; a column of no fixed
/// width after the title (an event's status) is as wide as its text, and
/// left out when empty.
enum RecordRows {
    static let peopleWidth = 16
    /// Where the Search tab's matched sentence starts, under its record.
    static let indent = "  "

    static func line(for record: Record, in tab: Tab, columns: [ListColumn], starred: Bool, tags: [String],
                     width: Int, now: LocalDateTime) -> StyledLine {
        var cells: [(text: String, role: StyleRole, column: ListColumn)] = columns.map { column in
            let (text, role) = column.cell(for: record, in: tab, starred: starred, tags: tags, now: now)
            return (text, role, column)
        }
        cells.removeAll { $0.column.width == nil && $0.column.field != .title && $0.text.isEmpty }
        let titleIndex = cells.firstIndex { $0.column.field == .title }
        var used = 0
        for (index, cell) in cells.enumerated() where index != titleIndex {
            used += (cell.column.width ?? DisplayWidth.of(cell.text)) + separator(before: index, in: cells)
        }
        if let titleIndex { used += separator(before: titleIndex, in: cells) }
        var spans: [StyledLine.Span] = []
        for (index, cell) in cells.enumerated() {
            var text = cell.text
            if index == titleIndex {
                // The title takes the rest; padded only when columns follow it.
                if index < cells.count - 1 { text = TextWrapping.pad(text, width: max(1, width - used)) }
            } else if let fixed = cell.column.width {
                text = TextWrapping.pad(text, width: fixed)
            }
            // A space between columns goes with the one before (after the
            // title, with the one after); the star's cell looks like the column after it.
            if separator(before: index, in: cells) == 1 {
                if let titleIndex, index > titleIndex { text = " " + text } else if !spans.isEmpty { spans[spans.count - 1].text += " " }
            }
            let role = cell.column.field == .star && index + 1 < cells.count ? cells[index + 1].role : cell.role
            spans.append(.init(text: text, role: role))
        }
        return StyledLine(spans)
    }

    /// One space before a column, but for the first and the one after the star.
    private static func separator(before index: Int, in cells: [(text: String, role: StyleRole, column: ListColumn)]) -> Int {
        index == 0 || cells[index - 1].column.field == .star ? 0 : 1
    }
}
