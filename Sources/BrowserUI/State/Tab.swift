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

    /// The record tab that lists records of `kind` (notes sit with papers).
    static func listing(_ kind: RecordKind) -> Tab {
        switch kind {
        case .paper, .note: .papers
        case .event: .events
        case .transcript: .transcripts
        }
    }

    /// The record kinds a tab lists (the Search tab lists hits of every kind).
    var kinds: Set<RecordKind> {
        switch self {
        case .ladder: []
        case .search: Set(RecordKind.allCases)
        default: Set(RecordKind.allCases.filter { Tab.listing($0) == self })
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
