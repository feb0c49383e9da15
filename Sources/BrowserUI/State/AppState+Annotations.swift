import OstromCore

/// Stars, tags and notes: `m`, `*`, `t`, `e` and `u` (which also brings
/// back a removed record). Every change is saved at once (on top of other
/// instances' changes).
extension AppState {
    mutating func performAnnotation(_ action: Action) {
        guard screenKind == .browse, tab != .ladder else { return }
        if action == .starredOnly { return toggleStarredOnly() }
        if action == .undo { return undo() }
        guard let record = selectedRecord else { return }
        switch action {
        case .toggleStar:
            let starred = !annotations[record.id].starred
            change(.star(record.id, starred))
            message = starred ? "starred \(record.id)" : "took the star from \(record.id)"
        case .editTags:
            let tags = annotations[record.id].tags.joined(separator: " ")
            prompt = SearchPrompt(purpose: .tags(recordID: record.id), editor: LineEditor(tags.isEmpty ? "" : tags + " "),
                                  previousFilter: filters[tab], previousList: currentList)
        case .editNote:
            effects.append(.editNote(recordID: record.id, text: annotations[record.id].note ?? ""))
        default:
            return
        }
    }

    private mutating func toggleStarredOnly() {
        starredOnly.toggle()
        refreshStarred()
        var list = ListState()
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
        message = !starredOnly ? "all records" : findsStarred ? Self.findingStarredMessage : Self.starredOnlyMessage
    }

    static let starredOnlyMessage = "starred records only (* shows all)"
    static let findingStarredMessage = "starred records only: finding them among all the records… (* shows all)"

    /// On the tick: once the records are indexed by id on another thread,
    /// the starred view lists every starred one (and the Ladder's "Placed
    /// here" every record the user placed); true when the screen should be
    /// drawn again.
    mutating func takeRecordPositions() -> Bool {
        guard positions.takeBuilt() else { return false }
        guard starredOnly else { return true }
        refreshStarred()
        var list = currentList
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
        if message == Self.findingStarredMessage { message = Self.starredOnlyMessage }
        return true
    }

    private mutating func undo() {
        switch undoSteps.popLast() {
        case nil:
            message = "nothing to undo"
        case .removal(let index)?:
            restore(index)
        case .annotation?:
            guard let undone = annotations.undo() else { return }
            effects.append(.saveAnnotations(annotations))
            message = "undone: the \(Self.describe(undone)) of \(undone.recordID) is back as it was"
        }
    }

    private static func describe(_ change: AnnotationChange) -> String {
        switch change {
        case .star: "star"
        case .tag(_, let tag, _): "tag \(tag)"
        case .note: "note"
        case .placement: "place on the ladder"
        }
    }

    mutating func change(_ change: AnnotationChange) {
        apply(change)
        effects.append(.saveAnnotations(annotations))
    }

    /// A change `u` can undo.
    private mutating func apply(_ change: AnnotationChange) {
        annotations.apply(change)
        undoSteps.append(.annotation)
    }

    /// Enter on the tags prompt: the tags typed replace the record's.
    mutating func finishTagEditing(recordID: String, text: String) {
        let old = annotations[recordID].tags
        let new = AnnotationTags.parse(text)
        for tag in old where !new.contains(tag) { apply(.tag(recordID, tag, added: false)) }
        for tag in new where !old.contains(tag) { apply(.tag(recordID, tag, added: true)) }
        guard old != new else { return }
        effects.append(.saveAnnotations(annotations))
        message = new.isEmpty ? "\(recordID) has no tags now" : "tagged \(recordID): " + new.map { "#" + $0 }.joined(separator: " ")
    }

    /// What the driver reports back from an effect.
    public mutating func receive(_ outcome: EffectOutcome) {
        // Another instance's stars arrive with a save.
        defer {
            refreshStarred()
            refreshSorted()
        }
        switch outcome {
        case .done:
            return
        case .failed(let reason), .said(let reason):
            message = reason
        case .annotationsSaved(let saved):
            // Effects run as soon as they are asked for: nothing changed since.
            annotations = saved
        case .noteEdited(let recordID, let text):
            let note = text.trimmingTrailingNewlines
            guard note != (annotations[recordID].note ?? "") else {
                message = "note unchanged"
                return
            }
            change(.note(recordID, note))
            message = note.isEmpty ? "removed the note of \(recordID)" : "saved the note of \(recordID)"
        case .removalFailed(let ids, let reason):
            removedIndices.subtract(records.indices.filter { ids.contains(records[$0].id) })
            undoSteps.removeAll { if case .removal(let index) = $0 { ids.contains(records[index].id) } else { false } }
            message = reason
        case .pdfText(let title, let text, let recordID):
            openPager(PagerState(title: title, text: PagedText(text: text), document: "pdf:" + recordID))
        case .pdfTextUnavailable(let recordID, let reason):
            if let record = records.first(where: { $0.id == recordID }) { viewOwnText(of: record) }
            message = reason
        case .exportStarted(let export):
            runningExport = export
            message = "exporting \(export.count) record\(export.count == 1 ? "" : "s") as \(export.format.rawValue)… (Esc cancels)"
        case .recordEdited(let record):
            guard let index = records.firstIndex(where: { $0.id == record.id }) else { return }
            releaseRecordsFromIndex()
            records[index] = record
            kindPositions[index] = UInt8(record.kind.position)
            message = "saved \(record.id) (search finds the change from the next start)"
        }
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
