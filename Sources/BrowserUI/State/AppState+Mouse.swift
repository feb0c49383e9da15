import TerminalCanvas

extension AppState {
    /// Rows the wheel scrolls at a time.
    static let wheelStep = 3

    /// A click selects (a tab, a row) and focuses its pane; the wheel
    /// scrolls what is under the pointer.
    mutating func handleMouse(_ event: MouseEvent) {
        if screenKind != .browse {
            switch event.kind {
            case .wheelUp: for _ in 0..<Self.wheelStep { perform(.moveUp) }
            case .wheelDown: for _ in 0..<Self.wheelStep { perform(.moveDown) }
            case .press: break
            }
            return
        }
        if layout.header.contains(x: event.x, y: event.y), event.kind == .press {
            if let tab = HeaderBar.tab(atColumn: event.x) { self.tab = tab }
            return
        }
        if layout.list.contains(x: event.x, y: event.y) {
            focus = .list
            switch event.kind {
            case .press:
                select(currentList.offset + (event.y - layout.list.y) / rowHeight(in: tab), direction: 1, height: visibleRows)
            case .wheelUp:
                select(currentList.selected - Self.wheelStep, direction: -1, height: visibleRows)
            case .wheelDown:
                select(currentList.selected + Self.wheelStep, direction: 1, height: visibleRows)
            }
        } else if layout.detail.contains(x: event.x, y: event.y) {
            focus = .detail
            switch event.kind {
            case .press: break
            case .wheelUp: for _ in 0..<Self.wheelStep { perform(.moveUp) }
            case .wheelDown: for _ in 0..<Self.wheelStep { perform(.moveDown) }
            }
        }
    }
}
