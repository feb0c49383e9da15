import OstromCore
import TerminalCanvas

/// Everything the browser shows, as plain data. Keys become actions and
/// actions change this value; rendering reads it.
public struct AppState: Sendable {
    /// A view pushed over the browse screen; `q` pops it (the back stack).
    public enum Overlay: Equatable, Sendable {
        case reader(ReaderState)
        case help(offset: Int)
    }

    public var records: [Record]
    public var ladder: LadderModel?
    public let ladderEntries: [LadderEntry]
    public var now: LocalDateTime
    public var size: (width: Int, height: Int)
    public var tab: Tab = .papers
    public var focus: Pane = .list
    public var lists: [Tab: ListState] = [:]
    public var overlays: [Overlay] = []
    public var message: String?
    public var shouldQuit = false
    public let keyMap: KeyMap

    public init(records: [Record], ladder: LadderModel?, now: LocalDateTime, size: (width: Int, height: Int),
                keyMap: KeyMap = .standard) {
        self.records = records
        self.ladder = ladder
        ladderEntries = ladder.map(LadderEntry.entries(for:)) ?? []
        self.now = now
        self.size = size
        self.keyMap = keyMap
        for tab in Tab.allCases { lists[tab] = ListState() }
        lists[.ladder]?.selected = ladderEntries.firstIndex(where: \.isSelectable) ?? 0
    }

    /// The records a tab lists, in library order.
    public func records(in tab: Tab) -> [Record] {
        records.filter { tab.kinds.contains($0.kind) }
    }

    public var currentList: ListState {
        get { lists[tab] ?? ListState() }
        set { lists[tab] = newValue }
    }

    /// The number of rows the current tab's list has.
    var listCount: Int {
        tab == .ladder ? ladderEntries.count : records(in: tab).count
    }

    public var selectedRecord: Record? {
        let list = records(in: tab)
        return list.indices.contains(currentList.selected) ? list[currentList.selected] : nil
    }

    public var selectedLadderEntry: LadderEntry? {
        tab == .ladder && ladderEntries.indices.contains(currentList.selected) ? ladderEntries[currentList.selected] : nil
    }

    /// The screen whose keymap applies now.
    public var screenKind: ScreenKind {
        switch overlays.last {
        case .reader?: return .reader
        case .help?: return .help
        case nil: return .browse
        }
    }

    /// The transcript the ladder quotes.
    var ladderTranscript: Record? {
        guard let id = ladder?.source.record else { return nil }
        return records.first { $0.id == id }
    }
}
