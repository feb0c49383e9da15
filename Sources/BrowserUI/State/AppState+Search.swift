import OstromCore
import TerminalCanvas

extension AppState {
    /// Hits ranked ahead of what the list can show.
    public static let rankAhead = 1000

    /// `/`: a prompt for the current tab's list (the Ladder has none).
    mutating func openSearchPrompt() {
        guard tab != .ladder else {
            message = "search works in the Papers, Events, Transcripts and Search tabs"
            return
        }
        overlays.removeAll()
        let current = filters[tab]
        prompt = SearchPrompt(editor: LineEditor(current?.query ?? ""), previousFilter: current, previousList: currentList)
        focus = .list
    }

    /// Keys while the prompt is open go to the line editor, not the keymap.
    mutating func handlePromptKey(_ key: KeyPress) {
        guard var open = prompt else { return }
        if case .tags(let recordID) = open.purpose {
            return handleTagPromptKey(key, recordID: recordID, open: &open)
        }
        if open.purpose == .command { return handleCommandKey(key, open: &open) }
        if open.purpose == .helpFind { return handleHelpFindKey(key, open: &open) }
        switch key {
        case .enter:
            submitSearch(open)
            return
        case _ where SearchPrompt.cancelKeys.contains(key):
            cancelSearchPrompt(open)
            return
        case .up, .down:
            recall(key == .up ? -1 : 1, in: &open)
        default:
            guard open.editor.apply(key) else { return }
        }
        prompt = open
        applyQuery()
    }

    /// Esc: the prompt closes and the list is as it was before it opened.
    mutating func cancelSearchPrompt(_ open: SearchPrompt) {
        prompt = nil
        waitsForIndex = false
        searchInBackground = nil
        filters[tab] = open.previousFilter
        currentList = open.previousList
    }

    /// Enter runs the query as finished (the word under the cursor is no
    /// longer a prefix, as on the command line), keeps it and closes the
    /// prompt; a query still waiting for the index, or searched on another
    /// thread, stays on the prompt until the tick lists its hits.
    mutating func submitSearch(_ open: SearchPrompt) {
        var open = open
        if open.submitted == nil { open.hitsWhileTyped = filters[tab]?.hits.count ?? 0 }
        open.submitted = tab
        prompt = open
        applyQuery()
        if waitsForIndex || searchInBackground != nil { return }
        closeSentPrompt(open)
    }

    /// The prompt of a query sent closes once its hits are listed, the
    /// query kept in the history.
    private mutating func closeSentPrompt(_ open: SearchPrompt) {
        prompt = nil
        if open.hitsWhileTyped > 0, filters[tab]?.hits.isEmpty == true,
           let word = SearchQuery.wordUnderCursor(open.editor.text, cursor: open.editor.cursor) {
            message = "no whole word “\(word)”: \(word)* finds the words it begins"
        }
        if filters[tab] != nil {
            history.record(open.editor.text)
            if let newest = history.entries.last { effects.append(.addToSearchHistory(newest)) }
        }
    }

    /// The hits of a query searched on another thread, once they are: the
    /// list shows them from the top (and a query sent closes its prompt);
    /// true when the screen should be drawn again.
    mutating func takeSearchHits() -> Bool {
        guard let running = searchInBackground, let outcome = running.outcome else { return false }
        searchInBackground = nil
        if running.ranksMore {
            // The same hits, more of them ranked: the list keeps its place.
            filters[running.tab]?.results = outcome.results
            filters[running.tab]?.hits = outcome.hits
            if message == Self.rankingMessage(of: outcome.results?.hits.count ?? 0) { message = nil }
            refreshSorted()
            return true
        }
        guard running.tab == tab else {
            // Sent, then another tab shown: not listed there.
            prompt = nil
            return true
        }
        show(outcome, of: running.query, state: running.state)
        if let open = prompt, open.submitted != nil { closeSentPrompt(open) }
        refreshSorted()
        return true
    }

    /// A query's hits in this tab's list, from the top.
    private mutating func show(_ found: SearchInBackground.Outcome, of query: String, state: StateFilter) {
        filters[tab] = SearchFilter(query: query, results: found.results, state: state, hits: found.hits, admittedAmong: found.admittedAmong)
        if let note = found.results.flatMap({ FinishedQuery.approximateNote($0.approximateWords) }) { message = note }
        var list = ListState()
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
    }

    /// The tags prompt: Enter keeps the tags typed, Esc leaves them.
    private mutating func handleTagPromptKey(_ key: KeyPress, recordID: String, open: inout SearchPrompt) {
        switch key {
        case .enter:
            prompt = nil
            finishTagEditing(recordID: recordID, text: open.editor.text)
        case _ where SearchPrompt.cancelKeys.contains(key):
            prompt = nil
        default:
            if open.editor.apply(key) { prompt = open }
        }
    }

    /// ↑/↓ walk the history, newest first; past the newest comes the draft.
    private func recall(_ step: Int, in open: inout SearchPrompt) {
        let entries = history.entries
        guard !entries.isEmpty else { return }
        if open.historyIndex == nil {
            guard step < 0 else { return }
            open.draft = open.editor.text
            open.historyIndex = entries.count
        }
        let next = (open.historyIndex ?? entries.count) + step
        if next >= entries.count {
            open.historyIndex = nil
            open.editor = LineEditor(open.draft)
        } else if next >= 0 {
            open.historyIndex = next
            open.editor = LineEditor(entries[next])
        }
    }

    /// Runs the prompt's query: the list narrows and re-ranks; a malformed
    /// query leaves the last good results and says what is wrong. Until
    /// it is sent, the word under the cursor is also a prefix. While
    /// the index is still being built, a query that needs it waits (the
    /// list stays, the prompt says "indexing…") and runs on the tick.
    mutating func applyQuery() {
        guard var open = prompt else { return }
        defer { prompt = open }
        let text = open.editor.text
        let typed = open.submitted == nil ? SearchQuery.typed(text, cursor: open.editor.cursor) : text
        let rest: String, state: StateFilter
        var query: SearchQuery
        do {
            (rest, state) = try StateFilter.split(typed, names: placementNames)
        } catch {
            open.error = error.message
            return
        }
        do {
            query = try SearchQuery.parse(rest, typing: open.submitted == nil)
            query.allowsTypos = allowsTypos
        } catch {
            open.error = error.message
            return
        }
        open.error = nil
        searchInBackground = nil
        waitsForIndex = !query.isEmpty && !indexReady(for: query)
        // `stage:` and the like read every record's place: placed on another thread first.
        waitsForPlacements = state.needsPlacements && !everyRecordPlaced
        if waitsForPlacements {
            placements.analyseInBackground()
            waitsForIndex = true
        }
        if waitsForIndex { return }
        guard !query.isEmpty || !state.isEmpty else {
            filters[tab] = nil
            var list = ListState()
            list.clamp(count: listCount, height: visibleRows)
            currentList = list
            return
        }
        let index = query.isEmpty ? nil : indexWithRecords()
        let sent = query, hits = hitsInTab(tab, state: state)
        // State words alone (`tag:care`) keep the tab's records that pass them (they read the records).
        var admitted: (@Sendable () -> [Int])?
        if index == nil {
            let now = self, tab = tab
            admitted = { @Sendable in now.admitted(in: tab, state) }
        }
        let read = records.count
        let find: @Sendable () -> SearchInBackground.Outcome = { [admitted] in
            guard let index else { return .init(results: nil, hits: admitted?() ?? [], admittedAmong: read) }
            let results = index.search(sent, ranked: Self.rankAhead)
            return .init(results: results, hits: hits(results))
        }
        guard records.count >= searchesInBackgroundFrom else { return show(find(), of: text, state: state) }
        // The list stays as it is until the hits come (`takeSearchHits`).
        searchInBackground = SearchInBackground(tab: tab, query: text, state: state, search: find)
    }

    /// The records of a tab that pass the state words of a query, in the
    /// tab's order, among those from the `first`.
    func admitted(in tab: Tab, _ state: StateFilter, from first: Int = 0) -> [Int] {
        guard let listing = kindListings[tab] else { return (first..<records.count).filter { admits($0, state) } }
        // The listing is in the records' order: the records from `first` are its end.
        var start = listing.endIndex
        while start > 0 && listing[start - 1] >= first { start -= 1 }
        return listing[start...].filter { admits($0, state) }
    }

    /// Whether a record passes the state words of a query (star, tags, note, added, place).
    func admits(_ index: Int, _ state: StateFilter) -> Bool {
        guard !state.isEmpty else { return true }
        let annotation = annotations[records[index].id]
        return state.admits(annotation, added: addedDays[records[index].id]) {
            annotation.placement ?? placements.summary(of: index, record: records[index]).suggestion
        }
    }

    /// The hits in a tab's kinds, in rank order, among the records read so
    /// far (an index kept from the last start answers before they all are).
    func hits(of results: SearchResults, in tab: Tab, state: StateFilter) -> [Int] {
        hitsInTab(tab, state: state)(results)
    }

    /// What puts a search's hits in a tab, for any thread (`TabHits`).
    func hitsInTab(_ tab: Tab, state: StateFilter) -> TabHits {
        var admits: (@Sendable (Int) -> Bool)?
        if !state.isEmpty {
            let now = self
            admits = { @Sendable index in now.admits(index, state) }
        }
        return TabHits(tab: tab, kindPositions: kindPositions, memory: hitListMemory, admits: admits)
    }

    /// Puts more hits in rank order when the selection nears the end of
    /// the ranked ones (a sorted tab does not show that order). A jump far
    /// past them (`G`) in a large library ranks them on another thread (a
    /// million hits take some 100 ms): the list keeps its place meanwhile,
    /// and `Esc` stops it.
    mutating func rankHits(through row: Int) {
        guard searchInBackground == nil, sorts[tab] == nil, var filter = filters[tab], var results = filter.results,
              results.rankedCount < results.hits.count, row + Self.rankAhead / 2 >= results.rankedCount else { return }
        let target = row + Self.rankAhead
        guard records.count < searchesInBackgroundFrom || target - results.rankedCount <= Self.rankAhead else {
            let hits = hitsInTab(tab, state: filter.state), unranked = results
            searchInBackground = SearchInBackground(tab: tab, query: filter.query, state: filter.state, ranksMore: true) {
                var ranked = unranked
                ranked.rankMore(upTo: target)
                return .init(results: ranked, hits: hits(ranked))
            }
            message = Self.rankingMessage(of: results.hits.count)
            return
        }
        results.rankMore(upTo: target)
        filter.results = results
        filter.hits = hits(of: results, in: tab, state: filter.state)
        filters[tab] = filter
    }

    static func rankingMessage(of count: Int) -> String {
        "ranking \(grouped(count)) hits on another thread: Esc stops"
    }

    /// `Esc` while hits are ranked on another thread: those past the
    /// ranked ones stay in the library's order.
    mutating func stopRanking() {
        searchInBackground = nil
        message = "stopped ranking: the hits past the first \(Self.grouped(filters[tab]?.results?.rankedCount ?? 0)) are in the library's order"
    }

    /// `n`/`N`: the next or previous line of the detail pane holding a match.
    mutating func jumpToMatch(forward: Bool) {
        guard let terms = filters[tab]?.matchTerms, !terms.isEmpty else {
            message = "no search here: / searches this list"
            return
        }
        let lines = detailLines(width: layout.detailTextWidth)
        let matching = lines.indices.filter { lines[$0].highlighted(by: terms).hasMatch }
        guard !matching.isEmpty else {
            message = "no matches in this record's text"
            return
        }
        let offset = currentList.detailOffset
        let after = matching.first { $0 > offset }
        let before = matching.last { $0 < offset }
        let target: Int = forward ? (after ?? matching[0]) : (before ?? matching[matching.count - 1])
        var list = currentList
        list.detailOffset = min(target, max(0, lines.count - layout.detail.height))
        currentList = list
        focus = .detail
        let number = (matching.firstIndex(of: target) ?? 0) + 1
        let wrapped = forward ? target <= offset : target >= offset
        message = "match \(number) of \(matching.count)" + (wrapped ? " (wrapped)" : "")
    }

    /// Takes the effects asked for since the last call.
    public mutating func takeEffects() -> [Effect] {
        defer { effects.removeAll() }
        return effects
    }
}
