import OstromCore

/// A tab's active search: the query and its hits, best first, restricted
/// to the tab's kinds.
public struct SearchFilter: Sendable {
    public var query: String
    var results: SearchResults
    /// Record indices, in rank order.
    public var hits: [Int]
    public var matchTerms: MatchTerms { results.matchTerms }
}

/// The open search prompt: the line being edited, where in the history
/// ↑/↓ have got to, the message for a malformed query, and what Esc
/// restores.
public struct SearchPrompt: Sendable {
    public var editor: LineEditor
    var historyIndex: Int?
    var draft = ""
    public var error: String?
    let previousFilter: SearchFilter?
    let previousList: ListState
}

/// Work with side effects that the state asks the driver to do.
public enum Effect: Equatable, Sendable {
    case saveSearchHistory(SearchHistory)
    case saveReadingPositions(ReadingPositions)
    /// Put the text on the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Open an http(s) address with the desktop's opener.
    case openLink(String)
}
