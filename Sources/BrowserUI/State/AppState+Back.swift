/// `q` closes what is open before the program, one step at a time: an
/// overlay (reader, help, editor), the detail pane's focus, the tab's kept
/// search, then the tab shown before; at the top it asks "quit? y/n".
/// `Q` quits at once.
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
        confirmingQuit = true
        message = "quit? y/n (Q quits at once)"
    }

    /// Shows a tab, remembering the one before for `q`.
    mutating func show(_ next: Tab) {
        guard next != tab else { return }
        tabHistory.removeAll { $0 == next }
        tabHistory.append(tab)
        tab = next
    }
}
