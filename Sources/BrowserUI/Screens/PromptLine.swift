import OstromCore
import TerminalCanvas

/// The prompt on the bottom row: `/` and the query with its cursor, and
/// the reason when the query is malformed; `tags:` and a record's tags; or
/// `:` and a command.
enum PromptLine {
    static func draw(_ prompt: SearchPrompt, into grid: inout CellGrid, area: Rect, count: String) {
        grid.fill(area, role: .normal)
        let label = [.search, .helpFind].contains(prompt.purpose) ? "/" : prompt.purpose == .command ? ":" : "tags: "
        let error = prompt.error.map { "  " + $0 } ?? ""
        let right: String
        switch prompt.purpose {
        case .search: right = error.isEmpty ? count : error
        case .command: right = error.isEmpty ? "an action's name; Tab completes" : error
        case .tags: right = "words; Enter keeps, Esc leaves"
        case .helpFind: right = error.isEmpty ? count : error
        }
        let rightWidth = min(DisplayWidth.of(right), max(0, area.width / 2))
        let room = max(1, area.width - label.count - rightWidth - 1)
        let characters = prompt.editor.characters
        // Scroll the text so that the cursor stays in view.
        var first = 0
        while DisplayWidth.of(String(characters[first..<prompt.editor.cursor])) >= room { first += 1 }
        grid.put(label, x: area.x, y: area.y, role: .statusKey)
        var column = area.x + label.count
        for index in first...characters.count {
            let atCursor = index == prompt.editor.cursor
            let text = index < characters.count ? String(characters[index]) : " "
            if column - area.x - label.count + DisplayWidth.of(text) > room { break }
            column += grid.put(text, x: column, y: area.y, role: atCursor ? .selection : .normal, limit: area.maxX - column)
        }
        if rightWidth > 0 {
            grid.put(TextWrapping.truncate(right, width: rightWidth), x: area.maxX - rightWidth, y: area.y,
                     role: error.isEmpty ? .dim : .error, limit: rightWidth)
        }
    }
}
