import OstromCore

/// Moving between the ladder and the records on it: the "Placed here"
/// list of a stage, level or principle, `Enter` on one of its rows, `L`
/// from a record to its place, and `q` back along the way taken.
extension AppState {
    /// The placed items of the selected ladder entry, when it has some.
    var selectedPlacedItems: [PlacedItem] {
        guard let entry = selectedLadderEntry else { return [] }
        return placedItems(on: entry)
    }

    /// j/k and the rest in the ladder's detail pane move through "Placed
    /// here", keeping the row in view; false when there is no such list.
    mutating func movePlaced(_ action: Action, layout: BrowseLayout) -> Bool {
        let items = selectedPlacedItems
        guard tab == .ladder, focus == .detail, !items.isEmpty else { return false }
        placedSelected = Self.clamped(min(placedSelected, items.count - 1), plus: Self.delta(of: action, height: layout.detail.height),
                                      limit: items.count - 1)
        revealPlaced(count: items.count, layout: layout)
        return true
    }

    /// Scrolls the detail pane so that the selected placed row shows.
    private mutating func revealPlaced(count: Int, layout: BrowseLayout) {
        let row = detailLines(width: layout.detailTextWidth).count - count + placedSelected
        var list = currentList
        if row < list.detailOffset { list.detailOffset = row }
        if row >= list.detailOffset + layout.detail.height { list.detailOffset = row - layout.detail.height + 1 }
        currentList = list
    }

    /// Enter on a "Placed here" row: the record in its tab, or the story on
    /// the ladder; `q` comes back here.
    mutating func openPlaced() -> Bool {
        let items = selectedPlacedItems
        guard tab == .ladder, focus == .detail, items.indices.contains(placedSelected) else { return false }
        pushJump()
        switch items[placedSelected] {
        case .record(let index, _, _):
            show(recordAt: index)
        case .story(let index, _):
            guard let row = ladderEntries.firstIndex(where: { if case .story(let story) = $0.kind { story.name == ladder?.stories[index].name } else { false } }) else { return true }
            focus = .list
            select(row, direction: 1, height: visibleRows)
        }
        message = "q goes back to the ladder"
        return true
    }

    /// `L`: from the selected record to its stage on the ladder (its first
    /// principle when it has no stage), the record selected there.
    mutating func jumpToLadder() {
        guard screenKind == .browse, tab != .ladder, let index = selectedRecordIndex else { return }
        let choice = annotations[records[index].id].placement ?? placements.summary(of: index, record: records[index]).suggestion
        guard let name = choice.stage ?? choice.level ?? choice.principles.first,
              let row = ladderEntries.firstIndex(where: { placementName(of: $0) == name }) else {
            message = "\(records[index].id) is not placed on the ladder — p places it"
            return
        }
        placements.analyseInBackground()
        pushJump()
        tab = .ladder
        select(row, direction: 1, height: visibleRows)
        focus = .detail
        let items = selectedPlacedItems
        placedSelected = items.firstIndex { if case .record(index, _, _) = $0 { true } else { false } } ?? 0
        revealPlaced(count: items.count, layout: layout)
        message = "\(records[index].id) on the ladder: \(name) — q goes back"
    }

    /// `q` with a jump to return to: back where it was taken.
    mutating func returnFromJump() -> Bool {
        guard overlays.isEmpty, let jump = jumps.popLast() else { return false }
        tab = jump.tab
        lists[jump.tab] = jump.list
        focus = jump.focus
        placedSelected = jump.placedSelected
        return true
    }

    private mutating func pushJump() {
        jumps.append(Jump(tab: tab, list: currentList, focus: focus, placedSelected: placedSelected))
    }

    /// Shows a record selected in its kind's tab, taking away a search or
    /// the starred-only view that would hide it.
    mutating func show(recordAt index: Int) {
        let record = records[index]
        tab = Tab.listing(record.kind)
        if starredOnly && !annotations[record.id].starred {
            starredOnly = false
            refreshStarred()
        }
        if !listing(in: tab).contains(index) { filters[tab] = nil }
        focus = .list
        let row = listing(in: tab).firstIndex(of: index) ?? 0
        select(row, direction: 1, height: visibleRows)
    }
}
