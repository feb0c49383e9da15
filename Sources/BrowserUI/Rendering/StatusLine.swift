import OstromCore
import TerminalCanvas

/// The bottom row: the view and position ("Papers 3/12") on the left, and
/// a message or key hints generated from the keymap on the right.
enum StatusLine {
    /// Actions whose keys the hints show, per screen.
    static let hintActions: [ScreenKind: [Action]] = [
        .browse: [.open, .focusNext, .help, .back],
        .help: [.moveDown, .back],
        .pager: [.pageDown, .search, .toggleWrap, .back],
    ]

    /// What the keys do here: with the detail pane focused, its scrolling
    /// and matches; in the Search tab before a search, how to start one.
    static func browseActions(focus: Pane, tab: Tab, searching: Bool) -> [Action] {
        if focus == .detail { return [.moveDown, .nextMatch, .focusNext, .back] }
        if tab == .search && !searching { return [.search, .help, .back] }
        return hintActions[.browse] ?? []
    }

    static func hints(keyMap: KeyMap, screen: ScreenKind, actions: [Action]? = nil) -> String {
        // Appended, not `joined(separator:)`: the first frame would wait
        // 0.2 ms for the runtime to look up that generic's types.
        var hints = ""
        for action in actions ?? hintActions[screen] ?? [] {
            guard let key = keyMap.keys(for: action, in: screen).first else { continue }
            if !hints.isEmpty { hints += "  " }
            hints += key.label + " " + ActionTable.info(action).hint
        }
        return hints
    }

    static func draw(into grid: inout CellGrid, area: Rect, position: String, message: String?, hints: String) {
        grid.fill(area, role: .statusBar)
        let used = grid.put(" " + position + " ", x: area.x, y: area.y, role: .statusKey, limit: area.width)
        let remaining = area.width - used - 1
        guard remaining > 0 else { return }
        if let message {
            grid.put(message, x: area.x + used + 1, y: area.y, role: .message, limit: remaining)
        } else {
            let text = TextWrapping.truncate(hints, width: remaining)
            grid.put(text, x: area.maxX - DisplayWidth.of(text) - 1, y: area.y, role: .statusBar, limit: remaining)
        }
    }
}
