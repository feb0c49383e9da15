/// `q` closes what is open before the program, one step at a time: an
/// overlay (reader, help, editor), the detail pane's focus, the tab's kept
/// search, then the tab shown before; at the top it asks "quit? y/n".
/// `Q` quits at once; `Esc` goes back to the whole list.
extension AppState {
    mutating func goBack() {
        if !overlays.isEmpty {
            overlays.removeLast()
            if overlays.isEmpty && quitsWithLastOverlay { shouldQuit = true }
            return
        }
        if quitsWithLastOverlay { return quit() }
        if focus == .detail {
            focus = .list
            return
        }
        if filters[tab] != nil { return clearSearch() }
        if let previous = tabHistory.popLast() {
            tab = previous
            message = "back on \(previous.title)"
            return
        }
        guard asksBeforeQuitting else { return quit() }
        confirmingQuit = true
        message = "quit? y/n (Q quits at once)"
    }

    /// Enter on a hit of the Search tab: the record in its own tab,
    /// selected (that tab's search cleared if it hides it); `q` comes back.
    mutating func openInItsTab(_ index: Int) {
        let own = Tab.listing(records[index].kind)
        show(own)
        if !listing(in: own).contains(index) { filters[own] = nil }
        refreshSorted()
        var list = ListState()
        list.selected = listing(in: own).firstIndex(of: index) ?? 0
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
        message = "\(records[index].id) in \(own.title) (q goes back to the search)"
    }

    /// Shows a tab, remembering the one before for `q`.
    mutating func show(_ next: Tab) {
        guard next != tab else { return }
        tabHistory.removeAll { $0 == next }
        tabHistory.append(tab)
        tab = next
    }

    /// `Esc`: a running export or sort stops; else the tab's kept search
    /// goes (the list as it was before it), else the starred-only view.
    mutating func clearSearch() {
        if runningExport != nil { return cancelExport() }
        if !sortsInBackground.isEmpty { return cancelSorting() }
        if searchInBackground != nil { return stopRanking() }
        guard screenKind == .browse, tab != .ladder else { return }
        let selected = selectedRecordIndex
        if filters[tab] != nil {
            filters[tab] = nil
            message = "search cleared"
        } else if starredOnly {
            starredOnly = false
            refreshStarred()
            message = "all records"
        } else {
            return
        }
        refreshSorted()
        var list = ListState()
        if let selected, let row = listing(in: tab).firstIndex(of: selected) { list.selected = row }
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
    }
}
