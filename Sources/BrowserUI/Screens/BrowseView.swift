import OstromCore
import TerminalCanvas

/// The tabs' screen: header, list pane, divider, detail pane, status row.
enum BrowseView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let layout = state.layout
        HeaderBar.draw(into: &grid, area: layout.header, active: state.tab)
        drawList(state, area: layout.list, into: &grid)
        if layout.showsDetail {
            drawDivider(layout, focus: state.focus, into: &grid)
            let terms = state.filters[state.tab]?.matchTerms ?? .none
            let lines = state.detailLines(width: layout.detailTextWidth)
            let offset = min(state.currentList.detailOffset, max(0, lines.count - layout.detail.height))
            for row in 0..<layout.detail.height where offset + row < lines.count {
                grid.draw(lines[offset + row].highlighted(by: terms), x: layout.detail.x + 1, y: layout.detail.y + row, width: layout.detailTextWidth)
            }
        }
        let count = state.tab == .ladder ? state.ladderEntries.filter(\.isSelectable).count : state.listing(in: state.tab).count
        var position = "\(state.tab.title) \(count == 0 ? 0 : ordinal(state))/\(count)"
        let matching = state.filters[state.tab].map { "\($0.hits.count)/\(state.totalCount(in: state.tab))" }
        if let prompt = state.prompt {
            let count = state.waitsForIndex ? state.waitingLabel
                : state.searchInBackground != nil ? (matching.map { $0 + " " } ?? "") + "searching…" : matching ?? ""
            PromptLine.draw(prompt, into: &grid, area: layout.status, count: count)
            return
        }
        if let filter = state.filters[state.tab], let matching { position += "  /\(filter.query)  \(matching)" }
        if let sort = state.sorts[state.tab] {
            let sorting = state.sortsInBackground[state.tab] != nil || state.sortWaits(in: state.tab)
            position += sorting ? "  sorting: \(sort.label)…" : "  " + sort.label
        }
        StatusLine.draw(into: &grid, area: layout.status, position: position, message: state.message,
                        hints: StatusLine.hints(keyMap: state.keyMap, screen: .browse,
                                                actions: StatusLine.browseActions(focus: state.focus, tab: state.tab,
                                                                                  searching: state.filters[state.tab] != nil)))
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
            for row in 0..<area.height where list.offset + row < state.ladderEntries.count {
                let index = list.offset + row
                var line = LadderDetail.row(for: state.ladderEntries[index])
                if index == list.selected { line = restyled(line, selectionRole) }
                grid.draw(line, x: area.x, y: area.y + row, width: area.width, fill: index == list.selected ? selectionRole : .normal,
                      ellipsis: true)
            }
            return
        }
        let listing = state.listing(in: state.tab)
        if listing.isEmpty {
            let empty = state.tab == .search ? " Type / (or s anywhere) to search every kind of record."
                : state.filters[state.tab] != nil ? " Nothing matches; Esc or an empty query shows everything."
                : state.loading.map { " Reading \($0.source)…" } ?? " No \(state.tab.title.lowercased()) in this library."
            grid.put(empty, x: area.x, y: area.y, role: .dim, limit: area.width)
            return
        }
        let terms = state.filters[state.tab]?.matchTerms ?? .none
        let height = state.rowHeight(in: state.tab)
        for row in 0..<state.visibleRows where list.offset + row < listing.count {
            let index = list.offset + row
            let record = state.records[listing[index]]
            let annotation = state.annotations[record.id]
            var lines = [RecordRows.line(for: record, in: state.tab, columns: state.columns[state.tab] ?? [], starred: annotation.starred,
                                         tags: annotation.tags, width: area.width, now: state.now)]
            if height == 2 {
                // The sentence that matched, under the record.
                let snippet = Snippet.best(for: record, matching: terms, maximumLength: max(20, area.width)).text
                lines.append(StyledLine(RecordRows.indent + snippet, .dim))
            }
            for (offset, var line) in lines.enumerated() {
                line = line.highlighted(by: terms)
                if index == list.selected { line = restyled(line, selectionRole) }
                grid.draw(line, x: area.x, y: area.y + row * height + offset, width: area.width,
                          fill: index == list.selected ? selectionRole : .normal, ellipsis: true)
            }
        }
    }

    /// The selected row in the selection role, its matches still marked.
    private static func restyled(_ line: StyledLine, _ role: StyleRole) -> StyledLine {
        StyledLine(line.spans.map { StyledLine.Span(text: $0.text, role: $0.role == .match ? .match : role) })
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
