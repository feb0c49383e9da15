import OstromCore
import TerminalCanvas

/// The `p` form, full screen: the choices with the evidence's score for
/// each, the suggested ones marked.
enum PlacementEditorView {
    static func draw(_ editor: PlacementEditor, into grid: inout CellGrid) {
        let area = grid.bounds
        let (titleRow, rest) = area.splitTop(1)
        let (body, statusRow) = rest.splitBottom(1)
        grid.fill(titleRow, role: .header)
        let who = editor.placement.setBy == .user ? "set by you" : "suggested"
        grid.put(" Place \(editor.recordID) on the ladder — now \(who)", x: 0, y: 0, role: .header, limit: area.width)
        let suggestion = editor.placement.analysis.suggestion
        let lines = editor.rows.enumerated().map { index, row -> StyledLine in
            let text: String
            switch row {
            case .heading(let title):
                return StyledLine(title, .heading)
            case .stage(let name), .level(let name):
                text = "  " + (editor.isChosen(row) ? "(•) " : "( ) ") + (name ?? "not placed") + details(name, editor, suggested: isSuggested(row, suggestion))
            case .principle(let name):
                text = "  " + (editor.isChosen(row) ? "[x] " : "[ ] ") + name + details(name, editor, suggested: suggestion.principles.contains(name))
            }
            return StyledLine(TextWrapping.pad(text, width: area.width), index == editor.cursor ? .selection : .normal)
        }
        // Keep the cursor in view on short screens.
        let offset = max(0, min(editor.cursor - body.height + 2, lines.count - body.height))
        for row in 0..<body.height where offset + row < lines.count {
            grid.draw(lines[offset + row], x: 0, y: body.y + row, width: area.width)
        }
        grid.fill(statusRow, role: .statusBar)
        grid.put(" Space chooses · Enter saves · r back to the suggestion · Esc leaves it", x: 0, y: statusRow.y, role: .statusBar, limit: area.width)
    }

    private static func isSuggested(_ row: PlacementEditor.Row, _ suggestion: PlacementChoice) -> Bool {
        switch row {
        case .stage(let name): suggestion.stage == name
        case .level(let name): suggestion.level == name
        default: false
        }
    }

    private static func details(_ name: String?, _ editor: PlacementEditor, suggested: Bool) -> String {
        let score = name.map { editor.placement.score(of: $0) } ?? 0
        return (score > 0 ? "  score \(score)" : "") + (suggested ? "  ← suggested" : "")
    }
}
