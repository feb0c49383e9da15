import OstromCore

/// A large library shown before it is all read: the rest is appended on
/// the tick, the status row says how far it has come, and searches wait
/// for the index, which the reader builds once it has read everything.
extension AppState {
    /// Whether a search may run now without waiting.
    var indexReady: Bool { loading == nil && searchIndex.isReady }

    /// Takes what the reader has delivered; true when anything changed.
    @discardableResult
    mutating func takeLoadedRecords() -> Bool {
        guard let loading else { return false }
        let taken = loading.take()
        for part in taken.parts { append(part) }
        if !taken.parts.isEmpty { refreshSorted() }
        guard taken.finished else {
            if !taken.parts.isEmpty { message = "reading your library: \(Self.grouped(records.count)) records so far…" }
            return !taken.parts.isEmpty
        }
        self.loading = nil
        // The places on the ladder are worked out for the whole library from now.
        placements = PlacementCache(records: records)
        if let failure = taken.failure {
            log(failure)
            message = "your library was read only in part: ! says why"
        } else {
            message = "read your library: \(Self.grouped(records.count)) records"
        }
        return true
    }

    private mutating func append(_ part: RecordsInBackground.Part) {
        let start = records.count
        records += part.records
        addedDays.merge(part.addedDays) { _, new in new }
        libraryRecordIDs.formUnion(part.records.map(\.id))
        for tab in Tab.allCases where tab != .search && tab != .ladder {
            kindListings[tab, default: []] += (start..<records.count).filter { tab.kinds.contains(records[$0].kind) }
        }
        var list = currentList
        list.clamp(count: listCount, height: layout.list.height)
        currentList = list
    }

    /// 100000 as "100 000".
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(" ", at: index)
            index -= 3
        }
        return String(digits)
    }
}
