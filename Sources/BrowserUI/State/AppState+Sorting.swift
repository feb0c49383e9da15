import OstromCore

/// A tab's listing in the order the user chose, and the listing it sorts.
struct SortedListing: Sendable {
    let sort: RecordSort
    let from: [Int]
    let listing: [Int]

    init(_ sort: RecordSort, _ from: [Int], records: [Record], added: [String: String]) {
        self.sort = sort
        self.from = from
        listing = sort.order(from.map { records[$0] }, added: added).map { from[$0] }
    }
}

/// `S`: each tab's order, stepped through; shown in the status row and
/// remembered for the next start.
extension AppState {
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
        message = next.map { "sorted: \($0.label) (S for the next order)" } ?? (filters[tab] == nil ? "in the library's order" : "best match first")
    }

    /// Sorts what each sorted tab lists now, if that changed.
    mutating func refreshSorted() {
        for (tab, sort) in sorts {
            let listed = unsortedListing(in: tab)
            if let sorted = sortedListings[tab], sorted.sort == sort, sorted.from == listed { continue }
            sortedListings[tab] = SortedListing(sort, listed, records: records, added: addedDays)
        }
    }
}
