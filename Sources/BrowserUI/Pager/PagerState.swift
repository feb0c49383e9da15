import OstromCore
import TerminalCanvas

/// A text in the pager: where the top row starts (a byte offset, so that a
/// resize or a wrap toggle keeps the place), how it is shown, the count
/// typed before a key, marks, and the search.
public struct PagerState: @unchecked Sendable {
    public let title: String
    /// The name the reading position is kept under, if any.
    public let document: String?
    let text: PagedText
    let lines: LineIndex
    var top = 0
    var column = 0
    /// How long lines are laid out; `w` cycles word, none (cut), character.
    public var wrapping = Wrapping.word
    var wrap: Bool { wrapping != .none }
    var words: Bool { wrapping == .word }

    /// At spaces, as mutt and newsboat wrap prose (the reader's default);
    /// at any character, as less does (`ostrom page`'s, for code and logs);
    /// or not at all, cut at the right edge (`-S`).
    public enum Wrapping: Sendable, Equatable {
        case word, character, none

        var next: Wrapping {
            switch self {
            case .word: .none
            case .none: .character
            case .character: .word
            }
        }
    }
    var numbers = false
    /// Whether the last tick left the line count's progress on the screen.
    private var countingShown = true
    /// Digits typed before a key (`50p`, `123g`).
    var count: Int?
    /// A passage shown highlighted (a ladder quotation), as bytes.
    var passage: Range<Int>?
    var marks: [Character: Int] = [:]
    /// After `m` or `'`, the next key names a mark.
    var awaitingMark: Character?
    var prompt: (editor: LineEditor, kind: PromptKind)?
    /// The table of contents, while shown: the headings and the selected one.
    var contents: (headings: [Sections.Heading], selected: Int)?

    /// What the pager's bottom-row prompt asks for.
    enum PromptKind { case searchForward, searchBackward, line, filter }

    /// `&pattern`: only the lines holding it are shown.
    var filter: TextSearch?
    var search: TextSearch?
    var searchForward = true
    /// The last match jumped to, and whether the search's outcome is shown.
    var match: Range<Int>?
    /// How much of the search's outcome the screen shows.
    var searchReported = SearchReport.complete
    var message: String?

    enum SearchReport { case nothing, match, complete }

    /// `lines`, when given, is a count the caller runs (tests).
    public init(title: String, text: PagedText, document: String? = nil, passage: Range<Int>? = nil, lines: LineIndex? = nil) {
        self.title = title
        self.document = document
        self.text = text
        if let lines {
            self.lines = lines
        } else {
            self.lines = LineIndex(text: text)
            // Counting 2 MB takes under a millisecond, however short its lines
            // (7 MB of 12-byte lines took 2.8 ms): small texts have their line
            // numbers at once, larger ones count in the background.
            if text.count <= Self.countAtOnceLimit { self.lines.build() } else { self.lines.start() }
        }
        self.passage = passage
        if let passage { top = text.lineStart(containing: passage.lowerBound) }
    }

    static let countAtOnceLimit = 2 << 20

    /// Rows of text the screen holds (between the title and status rows).
    static func textHeight(_ height: Int) -> Int { max(1, height - 2) }

    // MARK: - Keys

    /// Handles a key the pager owns (counts, marks, the prompt); returns
    /// false for keys the keymap should turn into actions.
    mutating func handleOwnKey(_ key: KeyPress, size: (width: Int, height: Int)) -> Bool {
        if prompt != nil { editPrompt(key); return true }
        if contents != nil { chooseSection(key); return true }
        if isSearching && (key == .escape || key == .control("c")) {
            cancelSearch()
            return true
        }
        if key == .character(":") {
            prompt = (LineEditor(), .line)
            return true
        }
        if key == .character("&") {
            prompt = (LineEditor(), .filter)
            return true
        }
        if let kind = awaitingMark {
            awaitingMark = nil
            // Marks are letters; `''` returns to where the last jump left.
            guard case .character(let letter) = key, letter.isLetter || (kind == "'" && letter == "'") else {
                message = "marks are letters"
                return true
            }
            if kind == "m" {
                marks[letter] = top
                message = "mark \(letter) set"
            } else if let position = marks[letter] {
                marks["'"] = top
                top = position
            } else {
                message = "no mark \(letter)"
            }
            return true
        }
        guard case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII else { return false }
        count = min(999_999_999, (count ?? 0) * 10 + digit)
        return true
    }

    /// Performs an action of the keymap on the pager.
    mutating func perform(_ action: Action, size: (width: Int, height: Int)) {
        let height = Self.textHeight(size.height)
        let width = size.width
        let repeated = count.map { max(1, $0) }
        defer { count = nil }
        switch action {
        case .moveDown: scroll(repeated ?? 1, width: width, height: height)
        case .moveUp: scroll(-(repeated ?? 1), width: width, height: height)
        case .pageDown: scroll(repeated ?? height, width: width, height: height)
        case .pageUp: scroll(-(repeated ?? height), width: width, height: height)
        case .halfPageDown: scroll(repeated ?? max(1, height / 2), width: width, height: height)
        case .halfPageUp: scroll(-(repeated ?? max(1, height / 2)), width: width, height: height)
        case .top:
            if let line = count {
                goToLine(line)
            } else {
                top = filter?.nextMatchingLine(from: 0) ?? 0
            }
        case .bottom:
            if let line = count {
                goToLine(line)
            } else {
                let last = filter.flatMap { $0.previousMatchingLine(before: text.count) } ?? text.lineStart(containing: text.count)
                top = PagerRows.move(in: text, from: last, rows: -(height - 1), width: width, wrap: wrap, words: words, filter: filter)
            }
        case .search: prompt = (LineEditor(), .searchForward)
        case .searchBackward: prompt = (LineEditor(), .searchBackward)
        case .toggleWrap:
            toggleWrap()
        case .toggleLineNumbers: numbers.toggle()
        case .percent: top = text.lineStart(containing: text.count * min(100, count ?? 0) / 100)
        case .nextSection:
            if let heading = Sections.next(after: top, in: text) { top = heading } else { message = "no section after this one" }
        case .previousSection:
            if let heading = Sections.previous(before: top, in: text) { top = heading } else { message = "no section before this one" }
        case .tableOfContents:
            let headings = Sections.all(in: text)
            guard !headings.isEmpty else {
                message = "no section headings in this text"
                return
            }
            let current = headings.lastIndex { $0.offset <= top } ?? 0
            contents = (headings, current)
        case .setMark: awaitingMark = "m"
        case .jumpToMark: awaitingMark = "'"
        case .nextMatch, .previousMatch: repeatSearch(sameDirection: action == .nextMatch)
        case .scrollLeft: if !wrap { column = max(0, column - max(1, width / 2)) }
        case .scrollRight: if !wrap { column += max(1, width / 2) }
        default: break
        }
    }

    /// The next way of wrapping, keeping the place: in a long line, the
    /// place along the line carries over as the column (cut) or the row (wrapped).
    private mutating func toggleWrap() {
        let lineStart = text.lineStart(containing: top)
        let along = top - lineStart
        let wasWrapped = wrap
        wrapping = wrapping.next
        if wrap && !wasWrapped {
            top = column > PagerRows.longLine ? min(text.lineEnd(from: lineStart), lineStart + column) : lineStart
            while top > lineStart && text.bytes[top] & 0xC0 == 0x80 { top -= 1 }
            column = 0
        } else if !wrap {
            column = along > PagerRows.longLine ? along : 0
            top = lineStart
        } else {
            // Between words and characters the rows differ: the line's first is the place.
            top = lineStart
        }
        message = switch wrapping {
        case .word: "wrapping long lines at words"
        case .character: "wrapping long lines at any character"
        case .none: "long lines cut (← → scroll)"
        }
    }

    private mutating func scroll(_ rows: Int, width: Int, height: Int) {
        top = PagerRows.move(in: text, from: top, rows: rows, width: width, wrap: wrap, words: words, filter: filter)
    }

    /// Shows only the lines holding `pattern`; an empty pattern shows all.
    private mutating func applyFilter(_ pattern: String) {
        guard !pattern.isEmpty else {
            filter = nil
            message = "all lines shown"
            return
        }
        let matcher = TextSearch(pattern: pattern, text: text)
        guard let first = matcher.nextMatchingLine(from: text.lineStart(containing: top)) ?? matcher.nextMatchingLine(from: 0) else {
            message = "no line holds “\(pattern)”; all lines shown"
            return
        }
        filter = matcher
        top = first
        message = "only lines with “\(pattern)” (& Enter shows all)"
    }

    private mutating func goToLine(_ line: Int) {
        if let offset = lines.offset(ofLine: line) {
            top = offset
        } else {
            message = "still counting lines (\(lines.progress.scanned * 100 / max(1, text.count))%); try again"
        }
    }

    /// Keys while the table of contents is shown.
    private mutating func chooseSection(_ key: KeyPress) {
        guard var open = contents else { return }
        switch key {
        case .character("j"), .down: open.selected = min(open.headings.count - 1, open.selected + 1)
        case .character("k"), .up: open.selected = max(0, open.selected - 1)
        case .character("g"), .home: open.selected = 0
        case .character("G"), .end: open.selected = open.headings.count - 1
        case .enter:
            top = open.headings[open.selected].offset
            contents = nil
            return
        case .character("q"), .character("t"), .escape:
            contents = nil
            return
        default: break
        }
        contents = open
    }

    // MARK: - Search

    private mutating func editPrompt(_ key: KeyPress) {
        guard var open = prompt else { return }
        switch key {
        case .enter:
            prompt = nil
            let entered = open.editor.text
            if open.kind == .filter {
                applyFilter(entered)
                return
            }
            if open.kind == .line {
                if let line = Int(entered.filter { !$0.isWhitespace }) { goToLine(line) } else { message = "a line number, please" }
                return
            }
            guard !entered.isEmpty else { repeatSearch(sameDirection: true); return }
            startSearch(entered, forward: open.kind == .searchForward, from: top)
            return
        case _ where SearchPrompt.cancelKeys.contains(key): prompt = nil; return
        case .backspace where open.editor.text.isEmpty, .control("h") where open.editor.text.isEmpty:
            // As in less: backspace on an empty prompt closes it.
            prompt = nil
            return
        default:
            _ = open.editor.apply(key)
        }
        prompt = open
    }

    private mutating func startSearch(_ pattern: String, forward: Bool, from offset: Int) {
        search?.cancel()
        let search = TextSearch(pattern: pattern, text: text)
        search.start(from: offset, forward: forward)
        self.search = search
        searchForward = forward
        searchReported = .nothing
        message = "searching…"
    }

    /// `n` goes on in the search's direction, `N` against it.
    private mutating func repeatSearch(sameDirection: Bool) {
        guard let last = search else {
            message = "no search yet: / searches forward, ? backward"
            return
        }
        let forward = sameDirection == searchForward
        let from = forward ? (match.map { $0.lowerBound + 1 } ?? top) : (match?.lowerBound ?? top)
        let previousDirection = searchForward
        startSearch(String(decoding: last.pattern, as: UTF8.self), forward: forward, from: from)
        searchForward = previousDirection
    }

    /// Where to start the screen to show `offset`: its line, or deep in a
    /// long line the match itself (the row starts there).
    private func rowStart(showing offset: Int) -> Int {
        let lineStart = text.lineStart(containing: offset)
        guard offset - lineStart > PagerRows.longLine else { return lineStart }
        var start = offset
        while start > lineStart && text.bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// A search still looking for its first match.
    var isSearching: Bool { search != nil && searchReported == .nothing }

    /// Esc or Ctrl-C during a search: it stops, and the place stays.
    mutating func cancelSearch() {
        search?.cancel()
        search = nil
        searchReported = .complete
        message = "search cancelled"
    }

    /// On the loop's tick (a tenth of a second, no key needed): the line
    /// count's progress, and a finished search taken in (it jumps to the
    /// match). True when the screen changed.
    mutating func tick() -> Bool {
        let searchChanged = takeSearchProgress()
        // The status row shows "counting lines N%" until the count is done:
        // drawn again on each tick meanwhile, and once more at the end.
        let counting = !lines.progress.complete
        let countChanged = counting || countingShown
        countingShown = counting
        return searchChanged || countChanged
    }

    private mutating func takeSearchProgress() -> Bool {
        if let search, isSearching, search.current == nil {
            message = "searching… \(Int(search.progress * 100))% (Esc cancels)"
            return true
        }
        guard let search, searchReported != .complete, let outcome = search.current else { return false }
        let complete = outcome.match == nil || outcome.total != nil
        if searchReported == .match && !complete { return false }
        if searchReported == .nothing, let found = outcome.match {
            match = found
            top = rowStart(showing: found.lowerBound)
        }
        searchReported = complete ? .complete : .match
        guard outcome.match != nil else {
            message = "pattern not found"
            return true
        }
        message = (outcome.total.map { "match \(outcome.ordinal ?? 0) of \($0)" } ?? "match found")
            + (outcome.wrapped ? " (search wrapped)" : "")
        return true
    }
}
