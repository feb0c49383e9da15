/// Everything a user can ask the browser to do. The action table below
/// names and explains each one; the keymap, the help screen and the
/// status-line hints are all generated from it.
public enum Action: String, CaseIterable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case open, viewText, back, quit
    case focusNext, focusPrevious
    case showPapers, showEvents, showTranscripts, showLadder, showSearch
    case search, globalSearch, nextMatch, previousMatch
    case scrollLeft, scrollRight, percent, searchBackward, toggleWrap, toggleLineNumbers, setMark, jumpToMark
    case nextSection, previousSection, tableOfContents
    case copyCitation, copyBibTeX, openLink, toggleStar, starredOnly, editTags, editNote, editPlacement, jumpToLadder, undo, showMessages
    case removeRecord, editRecord, openAttachment, cycleSort, clearSearch, toggleDetail, commandLine
    case help
}

/// One row of the action table: the config name, the help text, the group.
public struct ActionInfo: Sendable {
    public var action: Action
    public var name: String
    public var help: String
    public var group: String
    /// The short word shown in the status-line hints.
    public var hint: String
}

public enum ActionTable {
    public static let groups = ["Move", "Open and close", "Search", "Views", "Record", "Pager"]

    public static let all: [ActionInfo] = [
        ActionInfo(action: .moveDown, name: "move-down", help: "Next item, or scroll down", group: "Move", hint: "down"),
        ActionInfo(action: .moveUp, name: "move-up", help: "Previous item, or scroll up", group: "Move", hint: "up"),
        ActionInfo(action: .pageDown, name: "page-down", help: "One page down", group: "Move", hint: "page"),
        ActionInfo(action: .pageUp, name: "page-up", help: "One page up", group: "Move", hint: "page up"),
        ActionInfo(action: .halfPageDown, name: "half-page-down", help: "Half a page down", group: "Move", hint: "½ down"),
        ActionInfo(action: .halfPageUp, name: "half-page-up", help: "Half a page up", group: "Move", hint: "½ up"),
        ActionInfo(action: .top, name: "top", help: "First item, or top of the text", group: "Move", hint: "top"),
        ActionInfo(action: .bottom, name: "bottom", help: "Last item, or end of the text", group: "Move", hint: "end"),
        ActionInfo(action: .open, name: "open", help: "Open the selection: a transcript, a ladder passage, a record placed there", group: "Open and close", hint: "open"),
        ActionInfo(action: .viewText, name: "view-text", help: "Read the record's text in the pager: its PDF (pdftotext), else its own texts", group: "Open and close", hint: "view"),
        ActionInfo(action: .back, name: "back", help: "Back one step: a view, the pane's focus, the search, the tab; then asks to quit", group: "Open and close", hint: "back"),
        ActionInfo(action: .quit, name: "quit", help: "Quit ostrom", group: "Open and close", hint: "quit"),
        ActionInfo(action: .showMessages, name: "show-messages", help: "Show every message of this session, load warnings first", group: "Open and close", hint: "messages"),
        ActionInfo(action: .commandLine, name: "command-line", help: "Type an action by its name (:sort -year, :search care, :set detail hidden, :quit)", group: "Open and close", hint: "command"),
        ActionInfo(action: .help, name: "help", help: "Show this help", group: "Open and close", hint: "help"),
        ActionInfo(action: .cycleSort, name: "sort", help: "Sort the list: newest, oldest, author, title, added, most cited, then as it was", group: "Views", hint: "sort"),
        ActionInfo(action: .toggleDetail, name: "toggle-detail", help: "Hide the detail pane (the list takes the width), or show it", group: "Views", hint: "detail"),
        ActionInfo(action: .focusNext, name: "focus-next", help: "Move focus to the other pane", group: "Views", hint: "pane"),
        ActionInfo(action: .focusPrevious, name: "focus-previous", help: "Move focus to the other pane, backwards", group: "Views", hint: "pane"),
        ActionInfo(action: .showPapers, name: "view-papers", help: "Show the Papers tab", group: "Views", hint: "papers"),
        ActionInfo(action: .showEvents, name: "view-events", help: "Show the Events tab", group: "Views", hint: "events"),
        ActionInfo(action: .showTranscripts, name: "view-transcripts", help: "Show the Transcripts tab", group: "Views", hint: "transcripts"),
        ActionInfo(action: .showLadder, name: "view-ladder", help: "Show the Ladder tab", group: "Views", hint: "ladder"),
        ActionInfo(action: .showSearch, name: "view-search", help: "Show the Search tab: hits across every kind", group: "Views", hint: "search"),
        ActionInfo(action: .search, name: "search", help: "Search this list: it narrows as you type; Enter keeps it, Esc restores", group: "Search", hint: "search"),
        ActionInfo(action: .globalSearch, name: "search-all", help: "Search every kind of record, in the Search tab", group: "Search", hint: "search all"),
        ActionInfo(action: .clearSearch, name: "clear-search", help: "Stop an export, sort or ranking; else clear the tab's search or starred view", group: "Search", hint: "clear"),
        ActionInfo(action: .nextMatch, name: "next-match", help: "Next match (detail pane, pager)", group: "Search", hint: "next"),
        ActionInfo(action: .previousMatch, name: "previous-match", help: "Previous match (detail pane, pager)", group: "Search", hint: "previous"),
        ActionInfo(action: .copyCitation, name: "copy-citation", help: "Copy the record's APA citation to the clipboard (OSC 52)", group: "Record", hint: "copy"),
        ActionInfo(action: .copyBibTeX, name: "copy-bibtex", help: "Copy the record's BibTeX entry to the clipboard (OSC 52)", group: "Record", hint: "copy bibtex"),
        ActionInfo(action: .openLink, name: "open-link", help: "Open the record's DOI in the browser (xdg-open)", group: "Record", hint: "open link"),
        ActionInfo(action: .openAttachment, name: "open-attachment", help: "Open the record's file (a PDF) with xdg-open", group: "Record", hint: "open file"),
        ActionInfo(action: .toggleStar, name: "toggle-star", help: "Star the record, or take the star away", group: "Record", hint: "star"),
        ActionInfo(action: .starredOnly, name: "starred-only", help: "Show starred records only, or all again", group: "Record", hint: "starred"),
        ActionInfo(action: .editTags, name: "edit-tags", help: "Edit the record's tags (words; tag:NAME searches them)", group: "Record", hint: "tags"),
        ActionInfo(action: .editNote, name: "edit-note", help: "Edit the record's note in $VISUAL or $EDITOR", group: "Record", hint: "note"),
        ActionInfo(action: .editPlacement, name: "edit-placement", help: "Set the record's place on the ladder: stage, level, principles", group: "Record", hint: "place"),
        ActionInfo(action: .jumpToLadder, name: "jump-to-ladder", help: "Go to the record's place on the ladder (q comes back)", group: "Record", hint: "to ladder"),
        ActionInfo(action: .editRecord, name: "edit-record", help: "Edit the record (of your library) in $VISUAL or $EDITOR", group: "Record", hint: "edit"),
        ActionInfo(action: .removeRecord, name: "remove-record", help: "Remove the record from your library (u brings it back)", group: "Record", hint: "remove"),
        ActionInfo(action: .undo, name: "undo", help: "Undo the last star, tag, note, placement or removal", group: "Record", hint: "undo"),
        ActionInfo(action: .searchBackward, name: "search-backward", help: "Search backward in the pager", group: "Pager", hint: "search back"),
        ActionInfo(action: .percent, name: "percent", help: "Go to N percent of the text (50p)", group: "Pager", hint: "percent"),
        ActionInfo(action: .toggleWrap, name: "toggle-wrap", help: "Wrap long lines at words, at any character, or cut them; the place is kept", group: "Pager", hint: "wrap"),
        ActionInfo(action: .toggleLineNumbers, name: "toggle-line-numbers", help: "Show line numbers", group: "Pager", hint: "numbers"),
        ActionInfo(action: .setMark, name: "set-mark", help: "Set a mark: m then a letter", group: "Pager", hint: "mark"),
        ActionInfo(action: .jumpToMark, name: "jump-to-mark", help: "Go to a mark: ' then a letter ('' goes back)", group: "Pager", hint: "to mark"),
        ActionInfo(action: .nextSection, name: "next-section", help: "Next section heading", group: "Pager", hint: "next section"),
        ActionInfo(action: .previousSection, name: "previous-section", help: "Previous section heading", group: "Pager", hint: "previous section"),
        ActionInfo(action: .tableOfContents, name: "table-of-contents", help: "The headings, to pick one", group: "Pager", hint: "contents"),
        ActionInfo(action: .scrollLeft, name: "scroll-left", help: "Scroll left when lines are cut", group: "Pager", hint: "left"),
        ActionInfo(action: .scrollRight, name: "scroll-right", help: "Scroll right when lines are cut", group: "Pager", hint: "right"),
    ]

    public static func info(_ action: Action) -> ActionInfo {
        // Every action has a row: a test checks the table is complete.
        all.first { $0.action == action } ?? ActionInfo(action: action, name: action.rawValue, help: "", group: "Views", hint: action.rawValue)
    }
}
