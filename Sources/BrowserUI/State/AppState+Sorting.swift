import OstromCore

/// `S`: each tab's order, stepped through; shown in the status row and
/// remembered for the next start. A long listing is sorted on another
/// thread: it stays as it was meanwhile, the status row says it is being
/// sorted, and `Esc` gives the sort up.
extension AppState {
    /// The message while a long listing is sorted (the status row's
    /// position says in which order: `sorting: newest first…`).
    static let sortingMessage = "sorting on another thread: Esc gives it up"
    /// The message while a long listing waits for the library to be read.
    static let sortWaitsMessage = "sorted once every record is read: in the library's order until then"

    /// What `S` and `:sort` say of the order chosen.
    func sortMessage(_ sort: RecordSort) -> String {
        sortWaits(in: tab) ? Self.sortWaitsMessage : sortsInBackground[tab] == nil ? "sorted: \(sort.label)" : Self.sortingMessage
    }

    /// Whether a tab's long listing waits for the library to be read before
    /// it is sorted: sorted as parts come, it would be sorted anew at every
    /// tick, by a thread holding the records each part is appended to
    /// (which then copies them all, over a second for a million).
    func sortWaits(in tab: Tab) -> Bool {
        guard loading != nil, let sort = sorts[tab] else { return false }
        let listed = unsortedListing(in: tab)
        guard listed.count >= SortedListing.backgroundThreshold else { return false }
        return sortedListings[tab].map { $0.sort != sort || $0.from != listed } ?? true
    }

    mutating func cycleSort() {
        guard screenKind == .browse, tab != .ladder else { return }
        let position = sorts[tab].flatMap { RecordSort.cycle.firstIndex(of: $0) }
        let next = position.map { $0 + 1 < RecordSort.cycle.count ? RecordSort.cycle[$0 + 1] : nil } ?? RecordSort.cycle.first
        let selected = selectedRecordIndex
        sorts[tab] = next
        refreshSorted()
        // The record selected stays selected, wherever it went.
        var list = currentList
        if let selected, let row = listing(in: tab).firstIndex(of: selected) { list.selected = row }
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
        message = next.map { sort in sortWaits(in: tab) || sortsInBackground[tab] != nil ? sortMessage(sort) : "sorted: \(sort.label) (S for the next order)" }
            ?? (filters[tab] == nil ? "in the library's order" : "best match first")
    }

    /// Sorts what each sorted tab lists now, if that changed: at once, or
    /// on another thread when it is long.
    mutating func refreshSorted() {
        for (tab, sort) in sorts {
            let listed = unsortedListing(in: tab)
            if let sorted = sortedListings[tab], sorted.sort == sort, sorted.from == listed { continue }
            if listed.count < SortedListing.backgroundThreshold {
                sortedListings[tab] = SortedListing(sort, listed, records: records, added: addedDays)
                sortsInBackground[tab] = nil
            } else if let running = sortsInBackground[tab], running.sort == sort, running.from == listed {
                continue
            } else if loading != nil {
                // Sorted once every record is read (`sortWaits`).
                sortsInBackground[tab] = nil
            } else {
                sortsInBackground[tab] = SortInBackground(sort, listed, records: records, added: addedDays)
            }
        }
        for tab in sortsInBackground.keys where sorts[tab] == nil { sortsInBackground[tab] = nil }
    }

    /// Takes the listings sorted on another thread that are still wanted;
    /// the record selected in each stays selected. True when any came.
    mutating func takeSortedListings() -> Bool {
        var came = false
        for (tab, running) in sortsInBackground {
            guard let sorted = running.result else { continue }
            sortsInBackground[tab] = nil
            guard sorts[tab] == sorted.sort, unsortedListing(in: tab) == sorted.from else { continue }
            var list = lists[tab] ?? ListState()
            let listed = listing(in: tab)
            let record = listed.indices.contains(list.selected) ? listed[list.selected] : nil
            sortedListings[tab] = sorted
            if let record, let row = sorted.listing.firstIndex(of: record) { list.selected = row }
            list.clamp(count: sorted.listing.count, height: visibleRows)
            lists[tab] = list
            if tab == self.tab { message = "sorted: \(sorted.sort.label)" }
            came = true
        }
        return came
    }

    /// `Esc` while a long listing is being sorted: it stays as it is,
    /// in the order it had before.
    mutating func cancelSorting() {
        for tab in sortsInBackground.keys {
            let listed = unsortedListing(in: tab)
            sorts[tab] = sortedListings[tab].flatMap { $0.from == listed ? $0.sort : nil }
        }
        sortsInBackground = [:]
        message = "sorting given up: " + (sorts[tab]?.label ?? "in the library's order")
    }
}
