import OstromCore

/// What `u` undoes: an annotation change, or the removal of a record.
enum UndoStep: Equatable, Sendable {
    case annotation
    case removal(Int)
}

/// `D` removes the selected record from the library (hidden at once, `u`
/// brings it back) and `E` edits it; both only for records of the user's
/// library, not the built-in ones or files being browsed.
extension AppState {
    mutating func removeSelectedRecord() {
        guard screenKind == .browse, tab != .ladder, let index = selectedRecordIndex, isInLibrary(index) else { return }
        let id = records[index].id
        removedIndices.insert(index)
        undoSteps.append(.removal(index))
        effects.append(.removeRecords([id]))
        var list = currentList
        list.clamp(count: listCount, height: visibleRows)
        currentList = list
        message = "removed \(id) from your library (u brings it back)"
    }

    mutating func editSelectedRecord() {
        guard screenKind == .browse, tab != .ladder, let index = selectedRecordIndex, isInLibrary(index) else { return }
        effects.append(.editRecord(recordID: records[index].id))
    }

    /// Puts a removed record back (undo), selected again.
    mutating func restore(_ index: Int) {
        removedIndices.remove(index)
        effects.append(.restoreRecords([records[index].id]))
        if let row = listing(in: tab).firstIndex(of: index) {
            var list = currentList
            list.selected = row
            list.clamp(count: listCount, height: visibleRows)
            currentList = list
        }
        message = "undone: \(records[index].id) is back in your library"
    }

    /// Whether a record is the user's to change; says so when it is not.
    private mutating func isInLibrary(_ index: Int) -> Bool {
        guard libraryRecordIDs.contains(records[index].id) else {
            message = libraryRecordIDs.isEmpty
                ? "\(records[index].id) is in a file being browsed: import it to change it"
                : "\(records[index].id) is built in: only records of your library can be changed"
            return false
        }
        return true
    }
}
