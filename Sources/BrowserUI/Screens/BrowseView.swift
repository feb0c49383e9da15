import OstromCore
import TerminalCanvas

/// The tabs' screen: header, list pane, divider, detail pane, status row.
enum BrowseView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let layout = BrowseLayout(width: grid.width, height: grid.height)
        HeaderBar.draw(into: &grid, area: layout.header, active: state.tab)
        drawList(state, area: layout.list, into: &grid)
        drawDivider(layout, focus: state.focus, into: &grid)
        let lines = state.detailLines(width: layout.detailTextWidth)
        let offset = min(state.currentList.detailOffset, max(0, lines.count - layout.detail.height))
        for row in 0..<layout.detail.height where offset + row < lines.count {
            grid.draw(lines[offset + row], x: layout.detail.x + 1, y: layout.detail.y + row, width: layout.detailTextWidth)
        }
        let count = state.tab == .ladder ? state.ladderEntries.filter(\.isSelectable).count : state.records(in: state.tab).count
        let position = "\(state.tab.title) \(count == 0 ? 0 : ordinal(state))/\(count)"
        StatusLine.draw(into: &grid, area: layout.status, position: position, message: state.message,
                        hints: StatusLine.hints(keyMap: state.keyMap, screen: .browse))
    }

    /// The selection's number among selectable rows, from 1.
    private static func ordinal(_ state: AppState) -> Int {
        let selected = state.currentList.selected
        guard state.tab == .ladder else { return selected + 1 }
        return state.ladderEntries[...min(selected, state.ladderEntries.count - 1)].filter(\.isSelectable).count
    }

    private static func drawList(_ state: AppState, area: Rect, into grid: inout CellGrid) {
        let list = state.currentList
        let selectionRole: StyleRole = state.focus == .list ? .selection : .selectionUnfocused
        if state.tab == .ladder {
            let stages = state.ladder?.stages.count ?? 0
            for row in 0..<area.height where list.offset + row < state.ladderEntries.count {
                let index = list.offset + row
                var line = LadderDetail.row(for: state.ladderEntries[index], stageCount: stages)
                if index == list.selected { line = restyled(line, selectionRole) }
                grid.draw(line, x: area.x, y: area.y + row, width: area.width, fill: index == list.selected ? selectionRole : .normal)
            }
            return
        }
        let records = state.records(in: state.tab)
        if records.isEmpty {
            grid.put(" No \(state.tab.title.lowercased()) in this library.", x: area.x, y: area.y, role: .dim, limit: area.width)
            return
        }
        for row in 0..<area.height where list.offset + row < records.count {
            let index = list.offset + row
            var line = RecordRows.line(for: records[index], in: state.tab, width: area.width, now: state.now)
            if index == list.selected { line = restyled(line, selectionRole) }
            grid.draw(line, x: area.x, y: area.y + row, width: area.width, fill: index == list.selected ? selectionRole : .normal)
        }
    }

    private static func restyled(_ line: StyledLine, _ role: StyleRole) -> StyledLine {
        StyledLine(line.spans.map { StyledLine.Span(text: $0.text, role: role) })
    }

    private static func drawDivider(_ layout: BrowseLayout, focus: Pane, into grid: inout CellGrid) {
        let area = layout.divider
        if layout.sideBySide {
            for y in area.y..<area.maxY { grid.put("│", x: area.x, y: y, role: .border) }
        } else {
            grid.put(String(repeating: "─", count: area.width), x: area.x, y: area.y, role: .border)
        }
    }
}
