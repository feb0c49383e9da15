import OstromCore
import TerminalCanvas

extension AppState {
    /// Turns a key into an action through the keymap and performs it.
    public mutating func handle(_ key: KeyPress) {
        message = nil
        if confirmingQuit {
            confirmingQuit = false
            if key == .character("y") || key == .character("Y") || key == .character("q") { quit() } else { message = "not quitting" }
            return
        }
        defer {
            refreshStarred()
            refreshSorted()
            if let message, messageLog.last != message { messageLog.append(message) }
        }
        // A search sent before the index was ready takes only a cancel: other
        // keys work the browser meanwhile.
        if let open = prompt, key != .resize, open.submitted == nil || SearchPrompt.cancelKeys.contains(key) {
            if case .mouse = key { return }
            handlePromptKey(key)
            return
        }
        if case .placement(let editor)? = overlays.last {
            if key != .resize, !isMouse(key) { handlePlacementKey(key, editor: editor) }
            return
        }
        if case .pager(var pager)? = overlays.last, pager.handleOwnKey(key, size: size) {
            overlays[overlays.count - 1] = .pager(pager)
            return
        }
        switch key {
        case .resize:
            return
        case .mouse(let event):
            handleMouse(event)
        default:
            guard let action = keyMap.action(for: key, in: screenKind) else {
                message = "\(key.label) does nothing here — ? shows the keys"
                return
            }
            perform(action)
        }
    }

    public mutating func perform(_ action: Action) {
        switch action {
        case .quit:
            rememberReadingPosition()
            quit()
        case .back:
            rememberReadingPosition()
            if returnFromJump() { return }
            goBack()
        case .help:
            if screenKind != .help { overlays.append(.help(offset: 0, from: screenKind)) }
        case .showPapers, .showEvents, .showTranscripts, .showLadder, .showSearch:
            overlays.removeAll()
            jumps.removeAll()
            if action == .showLadder { placements.analyseInBackground() }
            show([.showPapers: Tab.papers, .showEvents: .events, .showTranscripts: .transcripts, .showLadder: .ladder,
                  .showSearch: .search][action] ?? .papers)
        case .search:
            if case .help? = overlays.last {
                openHelpFind()
            } else if case .pager(var pager)? = overlays.last {
                pager.perform(.search, size: size)
                overlays[overlays.count - 1] = .pager(pager)
            } else {
                openSearchPrompt()
            }
        case .globalSearch:
            show(.search)
            openSearchPrompt()
        case .nextMatch, .previousMatch:
            if case .pager(var pager)? = overlays.last {
                pager.perform(action, size: size)
                overlays[overlays.count - 1] = .pager(pager)
            } else if screenKind == .browse {
                jumpToMatch(forward: action == .nextMatch)
            } else if screenKind == .help {
                findInHelp(forward: action == .nextMatch, from: 1)
            }
        case .focusNext, .focusPrevious:
            if screenKind == .browse && showsDetail { focus = focus == .list ? .detail : .list }
        case .open:
            if !openPlaced() { open() }
        case .jumpToLadder:
            jumpToLadder()
        case .editPlacement:
            editPlacement()
        case .viewText:
            viewText()
        case .copyCitation, .copyBibTeX:
            copy(bibTeX: action == .copyBibTeX)
        case .openLink:
            openLink()
        case .toggleStar, .starredOnly, .editTags, .editNote, .undo:
            performAnnotation(action)
        case .removeRecord:
            removeSelectedRecord()
        case .editRecord:
            editSelectedRecord()
        case .openAttachment:
            openAttachment()
        case .cycleSort:
            cycleSort()
        case .clearSearch:
            clearSearch()
        case .commandLine:
            guard screenKind == .browse else { return }
            prompt = SearchPrompt(purpose: .command, editor: LineEditor(), previousFilter: filters[tab], previousList: currentList)
        case .toggleDetail:
            guard screenKind == .browse else { return }
            showsDetail.toggle()
            if !showsDetail { focus = .list }
            var list = currentList
            list.clamp(count: listCount, height: visibleRows)
            currentList = list
            message = showsDetail ? "detail pane shown" : "detail pane hidden (z shows it)"
        case .showMessages:
            let text = messageLog.isEmpty ? "No messages yet." : messageLog.joined(separator: "\n")
            openPager(PagerState(title: "Messages", text: PagedText(text: text)))
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom:
            move(action)
        case .scrollLeft, .scrollRight, .percent, .searchBackward, .toggleWrap, .toggleLineNumbers, .setMark, .jumpToMark,
             .nextSection, .previousSection, .tableOfContents:
            if case .pager(var pager)? = overlays.last {
                pager.perform(action, size: size)
                overlays[overlays.count - 1] = .pager(pager)
            }
        }
    }

    private func isMouse(_ key: KeyPress) -> Bool {
        if case .mouse = key { return true }
        return false
    }

    /// Whether a pager search is still looking, an export being written,
    /// a long listing sorted, or a large library searched or its hits
    /// ranked (Ctrl-C then cancels it).
    public var hasRunningWork: Bool {
        if case .pager(let pager)? = overlays.last, pager.isSearching { return true }
        return runningExport != nil || !sortsInBackground.isEmpty || searchInBackground != nil
    }

    /// Ctrl-C (SIGINT) during a search, an export, a sort or a ranking: it stops.
    public mutating func cancelRunningWork() {
        if case .pager(var pager)? = overlays.last, pager.isSearching {
            pager.cancelSearch()
            overlays[overlays.count - 1] = .pager(pager)
        } else if runningExport != nil {
            cancelExport()
        } else if let open = prompt, searchInBackground != nil {
            cancelSearchPrompt(open)
        } else if searchInBackground != nil {
            stopRanking()
        } else {
            cancelSorting()
        }
    }

    /// Shows a text in the pager, over whatever is shown, where it was
    /// left last time (unless a passage is to be shown).
    public mutating func openPager(_ pager: PagerState) {
        var pager = pager
        if pager.passage == nil, let document = pager.document, let offset = readingPositions[document], offset < pager.text.count {
            pager.top = pager.text.lineStart(containing: offset)
        }
        overlays.append(.pager(pager))
    }

    /// Keeps the pager's place when it closes.
    private mutating func rememberReadingPosition() {
        guard case .pager(let pager)? = overlays.last, let document = pager.document, pager.passage == nil else { return }
        readingPositions[document] = pager.top
        effects.append(.saveReadingPositions(readingPositions))
    }

    /// Lets background work (the search index, a pager's search, its line
    /// count) show up; true when the screen should be drawn again.
    /// "quit? y/n" stays in the status row until it is answered, whatever
    /// the work says meanwhile (a large file's count of records read
    /// replaced it, so that nobody knew the next key answered it).
    public mutating func tick() -> Bool {
        let question = confirmingQuit ? message : nil
        let changed = showBackgroundWork()
        if let question, message != question { message = question }
        return changed
    }

    private mutating func showBackgroundWork() -> Bool {
        let loaded = takeLoadedRecords()
        let placing = showPlacingProgress()
        let exported = takeExportOutcome()
        let sorted = takeSortedListings()
        let indexed = takeRecordPositions()
        let searched = takeSearchHits()
        if waitsForIndex && searchIndex.isReady {
            if let sent = prompt?.submitted, sent != tab {
                // Sent on another tab: not run here.
                prompt = nil
                waitsForIndex = false
                return true
            }
            if let open = prompt, open.submitted != nil { submitSearch(open) } else { applyQuery() }
            refreshSorted()
            return true
        }
        if loaded || placing || exported || sorted || indexed || searched { return true }
        guard case .pager(var pager)? = overlays.last else { return false }
        let changed = pager.tick()
        overlays[overlays.count - 1] = .pager(pager)
        return changed
    }

    /// Rows a movement covers, for a view `height` rows tall; `top` and
    /// `bottom` go as far as there is.
    static func delta(of action: Action, height: Int) -> Int {
        let page = max(1, height)
        switch action {
        case .moveDown: return 1
        case .moveUp: return -1
        case .pageDown: return page
        case .pageUp: return -page
        case .halfPageDown: return max(1, page / 2)
        case .halfPageUp: return -max(1, page / 2)
        case .top: return Int.min / 2
        case .bottom: return Int.max / 2
        default: return 0
        }
    }

    private mutating func move(_ action: Action) {
        switch overlays.last {
        case .pager(var pager)?:
            pager.perform(action, size: size)
            overlays[overlays.count - 1] = .pager(pager)
        case .help(let offset, let screen)?:
            let height = max(1, size.height - 2)
            let total = HelpView.lines(keyMap: keyMap, width: size.width, from: screen).count
            let next = Self.clamped(offset, plus: Self.delta(of: action, height: height), limit: max(0, total - height))
            overlays[overlays.count - 1] = .help(offset: next, from: screen)
        case .placement?:
            // The form takes its keys before the keymap.
            return
        case nil:
            if movePlaced(action, layout: layout) { return }
            if focus == .detail {
                let total = detailLines(width: layout.detailTextWidth).count
                var list = currentList
                list.detailOffset = Self.clamped(list.detailOffset, plus: Self.delta(of: action, height: layout.detail.height),
                                                 limit: max(0, total - layout.detail.height))
                currentList = list
            } else {
                select(currentList.selected + Self.delta(of: action, height: visibleRows),
                       direction: Self.delta(of: action, height: visibleRows) >= 0 ? 1 : -1, height: visibleRows)
            }
        }
    }

    /// Selects the row nearest `index` that can be selected (ladder headings
    /// cannot), searching in `direction`, and keeps it visible.
    mutating func select(_ index: Int, direction: Int, height: Int) {
        let count = listCount
        guard count > 0 else { return }
        var target = max(0, min(count - 1, index))
        if tab == .ladder {
            let entries = ladderEntries
            let selectable = { (row: Int) in entries[row].isSelectable }
            var probe = target
            while probe >= 0 && probe < count && !selectable(probe) { probe += direction }
            if probe < 0 || probe >= count {
                probe = target
                while probe >= 0 && probe < count && !selectable(probe) { probe -= direction }
            }
            guard probe >= 0 && probe < count else { return }
            target = probe
        }
        if tab != .ladder { rankHits(through: target + height) }
        var list = currentList
        if list.selected != target {
            list.detailOffset = 0
            placedSelected = 0
        }
        list.selected = target
        list.clamp(count: count, height: height)
        // Scrolling up onto a section's first item shows the section's heading too.
        if tab == .ladder, list.offset > 0, list.offset == target, !ladderEntries[target - 1].isSelectable {
            list.offset -= 1
        }
        currentList = list
    }

    static func clamped(_ value: Int, plus delta: Int, limit: Int) -> Int {
        let sum = delta > 0 ? (value > Int.max - delta ? Int.max : value + delta) : value + max(delta, -value)
        return max(0, min(limit, sum))
    }

    private mutating func open() {
        guard screenKind == .browse else { return }
        if tab == .ladder {
            guard let entry = selectedLadderEntry, let lines = entry.passageLines else { return }
            guard let transcript = ladderTranscript, let body = transcript.body else {
                message = "the transcript \(ladder?.source.record ?? "") is not in this library"
                return
            }
            let passage = PassageLocation.byteRange(ofLines: lines, firstLine: transcript.source?.bodyLine ?? 1, in: body)
            openPager(PagerState(title: transcript.title, text: PagedText(text: body), passage: passage))
            return
        }
        guard let record = selectedRecord else { return }
        if tab == .search, let index = selectedRecordIndex { return openInItsTab(index) }
        if record.kind == .transcript, let body = record.body {
            openPager(PagerState(title: record.displayTitle, text: PagedText(text: body), document: "record:" + record.id))
        } else {
            focus = .detail
        }
    }

    /// `v`: the selected record's text in the pager (on the Ladder, the
    /// passage, as Enter).
    private mutating func viewText() {
        guard screenKind == .browse else { return }
        if tab == .ladder { return open() }
        guard let record = selectedRecord else { return }
        // A PDF that is there is the full text: the driver pages it (or says why not).
        if let pdf = record.attachments.first(where: { $0.isPDF && RawPath.kind(of: $0.path) == .file }) {
            effects.append(.pagePDF(path: pdf.path, title: record.displayTitle, recordID: record.id))
            return
        }
        viewOwnText(of: record)
    }

    /// The record's own texts in the pager.
    mutating func viewOwnText(of record: Record) {
        openPager(PagerState(title: record.displayTitle, text: PagedText(text: Self.readableText(of: record)), document: "text:" + record.id))
    }

    /// `O`: the selected record's first file that is there (a PDF first),
    /// opened with the desktop's opener.
    private mutating func openAttachment() {
        guard screenKind == .browse, tab != .ladder, let record = selectedRecord else { return }
        guard !record.attachments.isEmpty else {
            message = "\(record.id) has no file"
            return
        }
        let present = record.attachments.filter { RawPath.kind(of: $0.path) == .file }
        guard let file = present.first(where: \.isPDF) ?? present.first else {
            message = "\(record.id): \(RawPath.display(record.attachments[0].path)) is missing"
            return
        }
        effects.append(.openFile(file.path))
        message = "opening \(file.fileName)"
    }

    /// `y` and `Y`: the selected record's APA citation or BibTeX entry to
    /// the clipboard.
    private mutating func copy(bibTeX: Bool) {
        guard screenKind == .browse, tab != .ladder, let record = selectedRecord else { return }
        let text = bibTeX ? BibTeXExporter.text(of: [record]) : APAReferenceList.reference(record)
        effects.append(.copyToClipboard(text))
        message = "copied the \(bibTeX ? "BibTeX entry" : "APA citation") of \(record.id)"
    }

    /// `o`: the selected record's DOI, opened with the desktop's opener.
    private mutating func openLink() {
        guard screenKind == .browse, tab != .ladder, let record = selectedRecord else { return }
        guard let link = record.link else {
            message = "\(record.id) has no DOI or web address to open"
            return
        }
        effects.append(.openLink(link))
        message = "opening \(link)"
    }

    /// A record's texts one after the other, for reading.
    static func readableText(of record: Record) -> String {
        var parts = [record.title]
        if let abstract = record.abstract { parts.append(abstract) }
        if let bio = record.bio { parts.append("About the speaker\n" + bio) }
        if let body = record.body { parts.append(body) }
        for translation in record.translations {
            parts.append("Translation (\(translation.language))\n" + [translation.title, translation.abstract].compactMap { $0 }.joined(separator: "\n\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The detail pane's lines for the current selection.
    func detailLines(width: Int) -> DetailLines {
        if tab == .ladder {
            guard let entry = selectedLadderEntry, let ladder else { return DetailLines([]) }
            let lines = LadderDetail.lines(for: entry, model: ladder, width: width)
            guard placementName(of: entry) != nil else { return DetailLines(lines) }
            let items = placedItems(on: entry)
            let placed = LadderDetail.placed(items, state: self, selected: focus == .detail ? min(placedSelected, items.count - 1) : nil, width: width)
            return DetailLines(lines + placed.heading, then: placed.rows)
        }
        guard let index = selectedRecordIndex else { return DetailLines([StyledLine("Nothing here yet.", .dim)]) }
        let record = records[index]
        var lines = RecordDetail.lines(for: record, width: width, now: now, placement: placement(ofRecordAt: index))
        // The user's star, tags and note under the title.
        if let blank = lines.firstIndex(where: { $0.spans.isEmpty }) {
            lines.insert(contentsOf: AnnotationDetail.lines(for: annotations[record.id], width: width), at: blank + 1)
        }
        if tab == .search, let terms = filters[tab]?.matchTerms {
            // Why it matched, before everything else.
            let snippet = Snippet.best(for: record, matching: terms, maximumLength: 400).text
            lines = [StyledLine("[\(record.kind.rawValue)]", .badge)] + StyledLine.wrapped("… " + snippet + " …", width: width, role: .dim) + [.blank] + lines
        }
        return DetailLines(lines)
    }
}
