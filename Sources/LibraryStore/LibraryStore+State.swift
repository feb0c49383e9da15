import OstromCore

/// What the user adds, kept beside the records: stars, tags, notes and
/// places (by record id, so a record opened from a file keeps them too),
/// where each document was left, and the search history.
extension LibraryStore {
    /// Every record's annotations.
    public func annotations() throws(DatabaseError) -> [String: Annotation] {
        let statement = try database.prepare("SELECT record_id, starred, tags, note, placement FROM annotations")
        var byRecord: [String: Annotation] = [:]
        while try statement.step() {
            guard let id = statement.text(0) else { continue }
            byRecord[id] = try annotation(statement)
        }
        return byRecord
    }

    /// Saves the changes made in `annotations` since the last save, each on
    /// top of what is stored now (so two instances' changes merge), in one
    /// transaction; `annotations` then holds what is stored, the other
    /// instances' changes included. On failure the changes stay pending.
    public func save(_ annotations: inout Annotations) throws(DatabaseError) {
        let current = try database.transaction { () throws(DatabaseError) -> [String: Annotation] in
            let read = try database.prepare("SELECT record_id, starred, tags, note, placement FROM annotations WHERE record_id = ?")
            let write = try database.prepare("""
                INSERT OR REPLACE INTO annotations (record_id, starred, tags, note, placement) VALUES (?, ?, ?, ?, ?)
                """)
            let delete = try database.prepare("DELETE FROM annotations WHERE record_id = ?")
            for change in annotations.pending {
                try read.bind([.text(change.recordID)])
                var one: [String: Annotation] = try read.step() ? [change.recordID: try annotation(read)] : [:]
                change.apply(to: &one)
                try store(one[change.recordID], id: change.recordID, write: write, delete: delete)
            }
            return try self.annotations()
        }
        annotations.markSaved(current)
    }

    /// Writes one record's annotations over what is stored (none: removed).
    func store(_ annotation: Annotation?, id: String, write: Statement, delete: Statement) throws(DatabaseError) {
        guard let annotation, !annotation.isEmpty else {
            try delete.run([.text(id)])
            return
        }
        try write.run([.text(id), .integer(annotation.starred ? 1 : 0), .text(AnnotationJSON.tags(annotation.tags)),
                       .text(annotation.note), .text(annotation.placement.map(AnnotationJSON.placement))])
    }

    private func annotation(_ row: Statement) throws(DatabaseError) -> Annotation {
        do throws(AnnotationJSON.Failure) {
            return Annotation(starred: row.int(1) != 0, tags: try AnnotationJSON.tags(from: row.text(2) ?? "[]"), note: row.text(3),
                              placement: try row.text(4).map(AnnotationJSON.placement(from:)))
        } catch {
            throw DatabaseError(path: path, code: 0, message: "the annotations of “\(row.text(0) ?? "")” cannot be read (\(error))")
        }
    }

    /// What the browser remembers (the tab, the selection), by name.
    public func settings() throws(DatabaseError) -> [String: String] {
        try database.dictionary("SELECT key, value FROM settings")
    }

    /// Saves these settings over the stored ones (others are kept).
    public func save(settings: [String: String]) throws(DatabaseError) {
        try database.transaction { () throws(DatabaseError) in
            let write = try database.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
            for (key, value) in settings { try write.run([.text(key), .text(value)]) }
        }
    }

    public func readingPositions() throws(DatabaseError) -> ReadingPositions {
        let statement = try database.prepare("SELECT document, offset FROM reading_positions")
        var positions = ReadingPositions()
        while try statement.step() {
            if let document = statement.text(0) { positions[document] = statement.int(1) }
        }
        return positions
    }

    /// Saves these positions over the stored ones (others are kept).
    public func save(_ positions: ReadingPositions) throws(DatabaseError) {
        try database.transaction { () throws(DatabaseError) in
            let write = try database.prepare("INSERT OR REPLACE INTO reading_positions (document, offset) VALUES (?, ?)")
            for (document, offset) in positions.offsets { try write.run([.text(document), .integer(offset)]) }
        }
    }

    public func searchHistory() throws(DatabaseError) -> SearchHistory {
        let statement = try database.prepare("SELECT query FROM search_history ORDER BY position")
        var entries: [String] = []
        while try statement.step() { entries.append(statement.text(0) ?? "") }
        return SearchHistory(entries: entries)
    }

    /// Adds queries as the newest of the history (moving them if there),
    /// keeping the newest `SearchHistory.limit`.
    public func addToSearchHistory(_ queries: [String]) throws(DatabaseError) {
        try database.transaction { () throws(DatabaseError) in
            let delete = try database.prepare("DELETE FROM search_history WHERE query = ?")
            let insert = try database.prepare("INSERT INTO search_history (query) VALUES (?)")
            for query in queries {
                try delete.run([.text(query)])
                try insert.run([.text(query)])
            }
            try database.execute("""
                DELETE FROM search_history WHERE position NOT IN
                (SELECT position FROM search_history ORDER BY position DESC LIMIT \(SearchHistory.limit))
                """)
        }
    }
}
