import OstromCore
import TerminalCanvas

/// Everything the browser shows, as plain data. Keys become actions and
/// actions change this value; rendering reads it.
public struct AppState: Sendable {
    /// A view pushed over the browse screen; `q` pops it (the back stack).
    public enum Overlay: Sendable {
        case pager(PagerState)
        /// The keys, those of the view it was opened from first.
        case help(offset: Int, from: ScreenKind)
        case placement(PlacementEditor)
    }

    /// Every record shown; an edited one is replaced in place.
    public internal(set) var records: [Record]
    public internal(set) var searchIndex: IndexInBackground
    /// Per tab, the record indices it lists without a search.
    var kindListings: [Tab: [Int]]
    /// Each record's kind as its `RecordKind.position`: a byte a record
    /// (`RecordsInBackground.Part.kindPositions`), so that a million hits
    /// are put in their tabs without reading records.
    var kindPositions: [UInt8]
    /// The memory of the last lists of a search's hits in a tab, taken again
    /// once no tab shows them (`TabHits`).
    let hitListMemory = ArrayMemory<Int>(capacity: 3, newestIsHeld: true)
    /// The rest of a large library, still being read: appended on the tick.
    public var loading: RecordsInBackground?
    public let ladder: LadderModel?
    public let ladderEntries: [LadderEntry]
    public var now: LocalDateTime
    public var size: (width: Int, height: Int)
    public var tab: Tab = .papers
    public var focus: Pane = .list
    public var lists: [Tab: ListState] = [:]
    /// The row of a ladder entry's "Placed here" list the detail pane selects.
    public var placedSelected = 0
    /// Where `Enter` on a placed record or `L` came from; `q` goes back.
    var jumps: [Jump] = []
    public var overlays: [Overlay] = []
    public var message: String?
    public var shouldQuit = false
    public let keyMap: KeyMap
    /// Each tab's active search, if any.
    public var filters: [Tab: SearchFilter] = [:]
    /// The search prompt, while open.
    public var prompt: SearchPrompt?
    /// The prompt's query waits for the search index, still being built.
    var waitsForIndex = false
    /// Libraries of this many records are searched on another thread.
    var searchesInBackgroundFrom = SearchInBackground.threshold
    /// The prompt's query being searched, or a kept search's hits being
    /// ranked, on another thread (a large library); one taken out of here
    /// is given up.
    var searchInBackground: SearchInBackground? {
        didSet {
            if oldValue !== searchInBackground { oldValue?.giveUp() }
        }
    }
    public var history: SearchHistory
    /// Where each document was left in the pager.
    public var readingPositions = ReadingPositions()
    /// Stars, tags and notes.
    public var annotations = Annotations()
    /// The day each library record was added (`YYYY-MM-DD`), for `added:`.
    public var addedDays: [String: String] = [:]
    /// The ids of the records of the user's library, which `D` and `E`
    /// may change (empty when browsing files).
    public var libraryRecordIDs: Set<String> = []
    /// Records removed this session (hidden; `u` brings them back).
    var removedIndices: Set<Int> = []
    /// What `u` undoes, newest last: an annotation change, or a removal.
    var undoSteps: [UndoStep] = []
    /// Every message shown this session (load warnings first); `!` shows them.
    public internal(set) var messageLog: [String] = []
    /// Each tab's order when the user chose one (`S`); none is the
    /// library's order, or a search's ranking.
    public var sorts: [Tab: RecordSort] = [:]
    /// Each sorted tab's listing, worked out after each key (`refreshSorted`)
    /// from the listing it sorts, not on every read.
    var sortedListings: [Tab: SortedListing] = [:]
    /// The tabs' long listings being sorted on another thread; a sort
    /// taken out of here is given up.
    var sortsInBackground: [Tab: SortInBackground] = [:] {
        didSet {
            for (tab, running) in oldValue where sortsInBackground[tab] !== running { running.giveUp() }
        }
    }
    /// `*`: the lists show starred records only.
    public var starredOnly = false
    /// With `*` on, the starred records' indices: worked out after each key
    /// (`refreshStarred`), not on every read of a listing.
    var starredIndices: Set<Int> = []
    /// With `*` on, the records are still being indexed by id on another
    /// thread: some starred ones may be missing yet.
    var findsStarred = false
    /// Record index by id, made the first time `*` or a user's placement
    /// needs it.
    let positions = RecordPositions()
    /// Each record's analysis by the placement engine, made when first needed.
    public internal(set) var placements: PlacementCache
    /// Each story's scores by the stage and principles it is placed on.
    let storyScores: StoryScores
    /// The last "Placed here" list shown.
    let placedList = LastWorkedOut<PlacedInputs, [PlacedItem]>()
    /// Each tab's listing less the records removed or, with `*`, not starred.
    let shownListings = Dictionary(uniqueKeysWithValues: Tab.allCases.map { ($0, LastWorkedOut<ShownInputs, [Int]>()) })
    /// The names `stage:`, `level:` and `principle:` take.
    var placementNames: PlacementNames { .builtIn }
    /// Side effects for the driver to run (saving state).
    var effects: [Effect] = []
    /// `z`: whether the detail pane is shown (the list takes the width when not).
    public var showsDetail = true
    /// The lines a record's row takes in a tab's list: two in the Search
    /// tab (the record, then the sentence that matched), else one.
    func rowHeight(in tab: Tab) -> Int { tab == .search ? 2 : 1 }

    /// How many rows a tab's list shows at once.
    func visibleRows(in tab: Tab) -> Int { max(1, layout(for: tab).list.height / rowHeight(in: tab)) }

    /// How many rows the current tab's list shows at once.
    var visibleRows: Int { visibleRows(in: tab) }

    /// Where the browse screen's parts go now.
    var layout: BrowseLayout { layout(for: tab) }

    /// Where they go on a tab (the Ladder's list has no titles).
    func layout(for tab: Tab) -> BrowseLayout {
        BrowseLayout(width: size.width, height: size.height, showsDetail: showsDetail, listShare: listShare, listsTitles: tab != .ladder)
    }

    /// The list's share of the width beside the detail pane (`[layout]
    /// ratio`, `:set layout.ratio`).
    public var listShare = Self.defaultListShare
    /// The built-in theme drawn now (`[colors] theme`, `:theme`).
    public internal(set) var theme = "dark"
    /// What the config file says of the settings `:` may change, by their
    /// remembered names (`useConfigured`).
    var fromFile: [String: String] = [:]
    /// The `:export` being written, if one is.
    var runningExport: BackgroundExport?
    /// Whether searches match words an edit or two away (`[search] typos`).
    public var allowsTypos = true
    /// Each tab's list columns (`[layout.columns]`).
    public var columns = ListColumn.standard
    /// What `/` looks for on the help screen.
    var helpFind: String?
    /// The query waiting (`waitsForIndex`) waits for every record's place.
    var waitsForPlacements = false
    /// How many records were placed when the screen last showed it.
    var placedShown: Int?
    public static let defaultListShare = 0.4
    public static let listShares = 0.2...0.8
    /// The commands typed at `:` this session, oldest first.
    var commandHistory: [String] = []
    /// The tabs shown before this one, for `q` to go back through.
    var tabHistory: [Tab] = []
    /// `q` at the top asked "quit? y/n": the next key answers.
    public internal(set) var confirmingQuit = false
    /// Whether `q` at the top asks before quitting (`[general] confirm-quit`).
    public var asksBeforeQuitting = true
    /// Quit when the last overlay closes (`ostrom page FILE`).
    public var quitsWithLastOverlay = false

    public init(records: [Record], ladder: LadderModel?, now: LocalDateTime, size: (width: Int, height: Int),
                keyMap: KeyMap = .standard, history: SearchHistory = SearchHistory(), index: IndexInBackground? = nil,
                keptPlacements: String? = nil) {
        self.records = records
        searchIndex = index ?? IndexInBackground(records: records)
        placements = PlacementCache(records: records, keptIn: keptPlacements)
        storyScores = StoryScores(ladder: ladder, placements: placements)
        kindPositions = RecordsInBackground.Part.kindPositions(of: records[...])
        kindListings = Self.kindListings(of: RecordsInBackground.Part.positionsByKind(of: kindPositions), from: 0)
        self.history = history
        self.ladder = ladder
        ladderEntries = ladder.map(LadderEntry.entries(for:)) ?? []
        self.now = now
        self.size = size
        self.keyMap = keyMap
        for tab in Tab.allCases { lists[tab] = ListState() }
        lists[.ladder]?.selected = ladderEntries.firstIndex(where: \.isSelectable) ?? 0
        fromFile = chosenInPlaceOfFile
    }

    /// Adds a message to the log `!` shows (load warnings, before the first key).
    public mutating func log(_ message: String) {
        messageLog.append(message)
    }

    /// Warnings from the start (the config file, the library): logged for
    /// `!`, and the one (or `brief`, a shorter form of it), or their
    /// number, in the status row.
    public mutating func report(_ warnings: [String], brief: String? = nil) {
        guard !warnings.isEmpty else { return }
        for warning in warnings { log(warning) }
        message = warnings.count == 1 ? brief ?? warnings[0] : "\(warnings.count) warnings while loading — ! shows them"
    }

    /// The record indices a tab lists: its search hits in rank order, or
    /// all its records in library order (the Search tab lists only hits).
    public func listing(in tab: Tab) -> [Int] {
        let listed = unsortedListing(in: tab)
        guard let sort = sorts[tab] else { return listed }
        if let sorted = sortedListings[tab], sorted.sort == sort || sortsInBackground[tab] != nil, sorted.from == listed {
            // In the order it had while sorted anew on another thread.
            return sorted.listing
        }
        if listed.count >= SortedListing.backgroundThreshold { return listed }
        return SortedListing(sort, listed, records: records, added: addedDays).listing
    }

    /// A tab's listing before its sort.
    func unsortedListing(in tab: Tab) -> [Int] {
        let listed = filters[tab]?.hits ?? kindListings[tab] ?? []
        guard !removedIndices.isEmpty || starredOnly, let shown = shownListings[tab] else { return listed }
        let inputs = ShownInputs(listed: listed, removed: removedIndices, starred: starredOnly ? starredIndices : nil)
        return shown.value(for: inputs) {
            var kept = listed
            if !removedIndices.isEmpty { kept.removeAll(where: removedIndices.contains) }
            return starredOnly ? kept.filter(starredIndices.contains) : kept
        }
    }

    mutating func refreshStarred() {
        guard starredOnly else {
            starredIndices = []
            return
        }
        let starred = annotations.byRecord.lazy.filter(\.value.starred).map(\.key)
        let (found, complete) = positions.positions(of: starred, in: records)
        starredIndices = Set(found.values)
        findsStarred = !complete
    }

    /// How many records a tab has without a search (all records for the
    /// Search tab).
    public func totalCount(in tab: Tab) -> Int {
        tab == .search ? records.count : kindListings[tab]?.count ?? 0
    }

    public var currentList: ListState {
        get { lists[tab] ?? ListState() }
        set { lists[tab] = newValue }
    }

    /// The number of rows the current tab's list has.
    var listCount: Int {
        tab == .ladder ? ladderEntries.count : listing(in: tab).count
    }

    public var selectedRecord: Record? {
        selectedRecordIndex.map { records[$0] }
    }

    /// The selected record's position in `records`.
    var selectedRecordIndex: Int? {
        let list = listing(in: tab)
        return list.indices.contains(currentList.selected) ? list[currentList.selected] : nil
    }

    /// A record's place on the ladder: the user's, else the suggestion.
    public func placement(ofRecordAt index: Int) -> RecordPlacement {
        placements.placement(of: records[index], user: annotations[records[index].id].placement)
    }

    public var selectedLadderEntry: LadderEntry? {
        tab == .ladder && ladderEntries.indices.contains(currentList.selected) ? ladderEntries[currentList.selected] : nil
    }

    /// The screen whose keymap applies now.
    public var screenKind: ScreenKind {
        switch overlays.last {
        case .pager?: return .pager
        case .help?, .placement?: return .help
        case nil: return .browse
        }
    }

    /// A place in the browser to come back to.
    struct Jump: Sendable {
        var tab: Tab
        var list: ListState
        var focus: Pane
        var placedSelected: Int
    }

    /// The transcript the ladder quotes.
    var ladderTranscript: Record? {
        guard let id = ladder?.source.record else { return nil }
        return records.first { $0.id == id }
    }
}

/// What a tab's shown listing is worked out from (`unsortedListing`).
struct ShownInputs: Equatable, Sendable {
    var listed: [Int]
    var removed: Set<Int>
    /// With `*` on, the starred records.
    var starred: Set<Int>?
}
