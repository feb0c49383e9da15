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
        (actions ?? hintActions[screen] ?? []).compactMap { action in
            keyMap.keys(for: action, in: screen).first.map { "\($0.label) \(ActionTable.info(action).hint)" }
        }.joined(separator: "  ")
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
