import OstromCore

/// A large library shown before it is all read: the rest is appended on
/// the tick and the status row says how far it has come. A search waits
/// for the index: the one kept from the last start comes at once, and its
/// hits are listed as their records come; else the reader builds it once it
/// has read everything.
extension AppState {
    /// Whether `query` may run now without waiting (a phrase within one
    /// field reads the records' text, so it waits for all of them).
    func indexReady(for query: SearchQuery) -> Bool {
        searchIndex.isReady && (loading == nil || !query.readsRecords)
    }

    /// The index, given the records once they are all read (a kept index
    /// comes without them; only a phrase within a field reads them).
    mutating func indexWithRecords() -> SearchIndex {
        let index = searchIndex.index
        guard loading == nil, index.records.count != index.count, records.count == index.count else { return index }
        let given = index.with(records: records)
        searchIndex = IndexInBackground(index: given)
        return given
    }

    /// The index lets go of the records it was given (`indexWithRecords`)
    /// before one is replaced: held by two, the records would be copied
    /// whole first (368 ms for a million). The next search gives them back.
    mutating func releaseRecordsFromIndex() {
        guard searchIndex.isReady, !searchIndex.index.records.isEmpty else { return }
        searchIndex = IndexInBackground(index: searchIndex.index.with(records: []))
    }

    /// Lists what every search finds among the records that have just come
    /// (a search of state words alone, `tag:care`, admits them one by one,
    /// those read before it already admitted; one of places, `stage:with`,
    /// once they are placed).
    private mutating func listHitsReadSoFar() {
        for (tab, filter) in filters {
            var listed = filter
            if let results = filter.results {
                listed.hits = hits(of: results, in: tab, state: filter.state)
            } else if !filter.state.needsPlacements || everyRecordPlaced {
                listed.hits += admitted(in: tab, filter.state, from: filter.admittedAmong)
                listed.admittedAmong = records.count
            } else {
                continue
            }
            filters[tab] = listed
        }
    }

    /// Orders the hits of searches run before the records were all read
    /// by the last rank rule, which reads them (see `Proximity`).
    private mutating func completeProximity() {
        for (tab, filter) in filters {
            guard var results = filter.results, results.awaitsProximity else { continue }
            results.completeProximity(records: records)
            let listed = hits(of: results, in: tab, state: filter.state)
            filters[tab]?.results = results
            filters[tab]?.hits = listed
        }
    }

    /// Takes what the reader has delivered; true when anything changed.
    @discardableResult
    mutating func takeLoadedRecords() -> Bool {
        guard let loading else { return false }
        let taken = loading.take()
        // Room for the whole library once (`total` counts the records shown
        // first again: a few more than needed; a file's are expected as it
        // is read), or twice as much when it is larger than said. It was
        // asked again at every part, for more each time, and each part
        // copied every record read before it (some 22 ms a part for each
        // 100 000 records read before it; a million records read as a file
        // were moved 0.9 s in all, as they doubled).
        let incoming = taken.parts.reduce(0) { $0 + ($1.replacing == nil ? $1.records.count : 0) }
        if !records.isEmpty, records.capacity < records.count + incoming {
            let coming = loading.isLibrary ? records.count + loading.total : loading.progress.expected
            records.reserveCapacity(max(records.count + incoming, coming, 2 * records.capacity))
        }
        // The same for the library's ids: a set rehashed as it grows took up to 40 ms a part.
        if loading.isLibrary, libraryRecordIDs.capacity < libraryRecordIDs.count + incoming {
            libraryRecordIDs.reserveCapacity(max(libraryRecordIDs.count + incoming, loading.total, 2 * libraryRecordIDs.capacity))
        }
        for part in taken.parts { append(part, isLibrary: loading.isLibrary) }
        if !taken.parts.isEmpty {
            listHitsReadSoFar()
            refreshSorted()
        }
        guard taken.finished else {
            // Records made, listed or not yet (a file's are listed a batch at a
            // time, up to the first whose id is not known until the end).
            let made = max(loading.progress.count, records.count)
            let text = "reading \(loading.source): \(Self.grouped(made)) records so far…"
            guard made > 0, text != message else { return !taken.parts.isEmpty }
            message = text
            return true
        }
        self.loading = nil
        // A file read in part (it failed) gives the placements the records listed.
        if placements.progress.of < records.count { placements.replaceRecords(with: records) }
        completeProximity()
        // Long listings waited for every record to be sorted.
        refreshSorted()
        for warning in taken.warnings { log(warning) }
        let warned = taken.warnings.count
        let said: String
        if let failure = taken.failure {
            log(failure)
            said = "\(loading.source) was \(records.isEmpty ? "not read" : "read only in part"): ! says why"
        } else if warned > 0 {
            said = "read \(loading.source): \(Self.grouped(records.count)) records, \(warned) warning\(warned == 1 ? "" : "s") — ! shows them"
        } else {
            said = "read \(loading.source): \(Self.grouped(records.count)) records"
        }
        // Kept for `!` when "quit? y/n" stays in its place (`tick`).
        if confirmingQuit { log(said) }
        message = said
        return true
    }

    /// A file's records listed while it is read are not given to the
    /// placements (which would hold them a third time: 320 MB for a
    /// million), only the whole file once read; until then a record's place
    /// is made from the record given (`PlacementCache.summary(of:record:)`).
    private mutating func append(_ part: RecordsInBackground.Part, isLibrary: Bool) {
        let start = records.count
        if let replaced = part.replacing {
            precondition(replaced == records.count, "a part replaces other records than those held")
            // The copies listed while the file was read are let go of on
            // another thread (a million records' strings released: 0.1 s and more).
            let copies = records
            records = part.records
            placements.replaceRecords(with: part.records)
            FreedMemory.release(inBackground: consume copies)
        } else {
            // The first part is taken whole, not copied (a million records are 330 MB).
            if records.isEmpty { records = part.records } else { records += part.records }
            if isLibrary { placements.append(part.records) }
        }
        let added = part.records[(part.replacing == nil ? 0 : start)...]
        kindPositions += part.kindPositions
        if isLibrary {
            // Each id read in place: a record copied to read it retains its every string (a fifth of a part's tick).
            for index in added.indices { libraryRecordIDs.insert(added[index].id) }
            for (record, day) in zip(added, part.addedDays) {
                if let day { addedDays[record.id] = day }
            }
        }
        for (tab, listed) in Self.kindListings(of: part.positionsByKind, from: start) {
            if kindListings[tab]?.isEmpty ?? true { kindListings[tab] = listed } else { kindListings[tab]! += listed }
        }
        refreshStarred()
        var list = currentList
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
    }

    /// Records by the tab that lists their kind, from their positions by
    /// kind (`RecordsInBackground.Part.positionsByKind`), the first
    /// numbered `start`. A tab of one kind takes its positions as they are.
    static func kindListings(of positionsByKind: [[Int]], from start: Int) -> [Tab: [Int]] {
        var listings: [Tab: [Int]] = [:]
        for tab in [Tab.papers, .events, .transcripts] {
            let runs = tab.kinds.map { positionsByKind[$0.position] }.filter { !$0.isEmpty }
            var listed = runs.dropFirst().reduce(runs.first ?? [], merged)
            if start > 0 { listed = listed.map { $0 + start } }
            listings[tab] = listed
        }
        return listings
    }

    /// Two ascending runs of positions as one.
    private static func merged(_ left: [Int], _ right: [Int]) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(left.count + right.count)
        var (l, r) = (0, 0)
        while l < left.count || r < right.count {
            if r == right.count || (l < left.count && left[l] < right[r]) {
                merged.append(left[l])
                l += 1
            } else {
                merged.append(right[r])
                r += 1
            }
        }
        return merged
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
