import OstromCore
import TerminalCanvas

/// A tab's active search: the query and its hits, best first, restricted
/// to the tab's kinds.
public struct SearchFilter: Sendable {
    public var query: String
    /// The index's results; `nil` when the query only has state words.
    var results: SearchResults?
    /// `tag:`, `stage:`, `level:` and `principle:` words, applied to the hits.
    var state: StateFilter
    /// Record indices, in rank order.
    public var hits: [Int]
    /// State words alone: the records (from the first) the hits were
    /// admitted among; those read since are admitted as they come.
    var admittedAmong = 0
    public var matchTerms: MatchTerms { results?.matchTerms ?? .none }
}

/// The open search prompt: the line being edited, where in the history
/// ↑/↓ have got to, the message for a malformed query, and what Esc
/// restores.
public struct SearchPrompt: Sendable {
    /// What the line is for: a search, or a record's tags.
    public enum Purpose: Equatable, Sendable {
        case search
        case tags(recordID: String)
        /// `:`, an action by its name.
        case command
        /// `/` on the help screen: words to find in it.
        case helpFind
    }

    public var purpose: Purpose = .search
    public var editor: LineEditor
    var historyIndex: Int?
    var draft = ""
    public var error: String?
    /// Enter was pressed before the index was ready, on this tab: the query
    /// runs there, and the prompt closes, once it is (the screen never waits
    /// for it, and other keys work the browser meanwhile).
    var submitted: Tab?
    /// How many hits the query had as typed, when it was sent.
    var hitsWhileTyped = 0
    /// Keys that close a prompt (the list, the tags, the command line, the
    /// pager's) and leave everything as it was.
    static let cancelKeys: [KeyPress] = [.escape, .control("c"), .control("g")]
    let previousFilter: SearchFilter?
    let previousList: ListState
}

/// Work with side effects that the state asks the driver to do.
public enum Effect: Equatable, Sendable {
    /// Keep a query as the newest of the search history.
    case addToSearchHistory(String)
    case saveReadingPositions(ReadingPositions)
    /// Put the text on the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Open an http(s) address with the desktop's opener.
    case openLink(String)
    /// Save the annotations' pending changes (on top of the stored ones).
    case saveAnnotations(Annotations)
    /// Edit a record's note in the user's editor.
    case editNote(recordID: String, text: String)
    /// Remove records from the library, or put removed ones back.
    case removeRecords([String])
    case restoreRecords([String])
    /// Edit a library record in the user's editor.
    case editRecord(recordID: String)
    /// Keep what the browser remembers for the next run.
    case saveSettings([String: String])
    /// Open a local file with the desktop's opener.
    case openFile(String)
    /// Page a PDF's text (pdftotext).
    case pagePDF(path: String, title: String, recordID: String)
    /// Draw in another built-in theme (`:theme`), one of `AppState.themes`.
    case useTheme(String)
    /// Write records to a new file (`:export`).
    case export([Record], ExportFormat, path: String)
}

/// What running an effect came to, handed back to the state.
public enum EffectOutcome: Sendable {
    case done
    case failed(String)
    /// It worked; the status row says what it did.
    case said(String)
    /// The annotations as saved (with other instances' changes).
    case annotationsSaved(Annotations)
    /// The note's new text; `nil` when the editor failed (the message says why).
    case noteEdited(recordID: String, text: String)
    /// The records were not removed (they are shown again).
    case removalFailed(recordIDs: [String], reason: String)
    /// The record as saved after editing.
    case recordEdited(Record)
    /// A PDF's text to page; or why there is none (the record's own text is paged instead).
    case pdfText(title: String, text: String, recordID: String)
    case pdfTextUnavailable(recordID: String, reason: String)
    /// An export being made and written on its own thread.
    case exportStarted(BackgroundExport)
}
