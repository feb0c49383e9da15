import OstromCore

/// The header's tabs.
public enum Tab: Int, CaseIterable, Sendable {
    case papers, events, transcripts, ladder, search

    public var title: String {
        switch self {
        case .papers: return "Papers"
        case .events: return "Events"
        case .transcripts: return "Transcripts"
        case .ladder: return "Ladder"
        case .search: return "Search"
        }
    }

    /// The record kinds a record tab lists (notes sit with papers; the
    /// Search tab lists hits of every kind).
    var kinds: Set<RecordKind> {
        switch self {
        case .papers: return [.paper, .note]
        case .events: return [.event]
        case .transcripts: return [.transcript]
        case .ladder: return []
        case .search: return Set(RecordKind.allCases)
        }
    }
}

/// Which pane of the browse screen has the keyboard.
public enum Pane: Sendable {
    case list, detail
}

/// A list's selection and scroll offsets, apart from its rendering (as
/// ratatui's `ListState`).
public struct ListState: Equatable, Sendable {
    public var selected = 0
    public var offset = 0
    public var detailOffset = 0

    /// Keeps the selection inside `count` items and visible in `height` rows.
    mutating func clamp(count: Int, height: Int) {
        selected = max(0, min(selected, count - 1))
        if selected < offset { offset = selected }
        if height > 0, selected >= offset + height { offset = selected - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }
}
