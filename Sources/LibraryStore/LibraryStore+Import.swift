import Foundation
import OstromCore

/// What an import does, record by record, and why.
public struct ImportPlan: Sendable {
    public enum Action: String, Sendable {
        case add, update, skip
    }

    public struct Entry: Sendable {
        public var action: Action
        /// The record's id in the file it came from.
        public var incomingID: String
        /// The library's record it became or matched.
        public var libraryID: String
        public var reason: String
    }

    public var entries: [Entry] = []

    public func count(_ action: Action) -> Int { entries.reduce(0) { $0 + ($1.action == action ? 1 : 0) } }
}

extension LibraryStore {
    /// Adds records in one transaction, each one reported. A record from a
    /// file imported before, with the same key there, is that file's newer
    /// version: it replaces the stored one (updated, or skipped when
    /// unchanged). Otherwise a record with the same DOI, else the same
    /// folded title, year and first author, is a duplicate: it fills the
    /// fields the stored one lacked (updated) or is skipped. The rest are
    /// added, with a suffix when their id is taken. With `dryRun` nothing
    /// is written.
    public func importRecords(_ incoming: [Record], dryRun: Bool = false) throws(DatabaseError) -> ImportPlan {
        try database.transaction { () throws(DatabaseError) -> ImportPlan in
            var planner = try ImportPlanner(store: self)
            for record in incoming { try planner.take(record) }
            if !dryRun { try planner.write() }
            return planner.plan
        }
    }

    /// The folded title, year and first author that make two copies one work
    /// ("" for a record without a title: never matched this way).
    static func workKey(_ record: Record) -> String {
        let title = ASCIIFolding.alphanumerics(record.title)
        guard !title.isEmpty else { return "" }
        let author = record.people.first.map(RecordIdentifiers.nameKey) ?? ""
        return title + "|" + (record.year.map(String.init) ?? "") + "|" + author
    }
}

/// Works out an import against the stored records: their keys are read
/// once into tables, and a stored record is decoded only when matched.
private struct ImportPlanner {
    let store: LibraryStore
    var plan = ImportPlan()
    private var byDOI: [String: Int] = [:]
    private var byWork: [String: Int] = [:]
    private var bySource: [String: Int] = [:]
    private var ids: Set<String> = []
    /// Records as they will be stored, by row: negative rows are new.
    private var changed: [Int: Record] = [:]
    private var newRows: [Int] = []
    private let now = Int(Date().timeIntervalSince1970)

    init(store: LibraryStore) throws(DatabaseError) {
        self.store = store
        let statement = try store.database.prepare("SELECT rowid, id, doi, work_key, source_path, source_key FROM records")
        while try statement.step() {
            let row = statement.int(0)
            ids.insert(statement.text(1) ?? "")
            if let doi = statement.text(2), byDOI[doi] == nil { byDOI[doi] = row }
            if let work = statement.text(3), !work.isEmpty, byWork[work] == nil { byWork[work] = row }
            if let path = statement.text(4), let key = statement.text(5) { bySource[path + "\u{0}" + key] = row }
        }
    }

    mutating func take(_ incoming: Record) throws(DatabaseError) {
        let sourceKey = incoming.source.map { $0.path + "\u{0}" + (incoming.citationKey ?? incoming.id) }
        if let sourceKey, let row = bySource[sourceKey] {
            let stored = try record(at: row)
            var replacement = incoming
            replacement.id = stored.id
            try settle(incoming, row: row, stored: stored, into: replacement, why: "from the same entry of \(RawPath.display(incoming.source?.path ?? ""))")
            return
        }
        let doi = incoming.doi?.lowercased()
        var match = doi.flatMap { byDOI[$0] }.map { ($0, "the same DOI") }
        if match == nil, let row = byWork[LibraryStore.workKey(incoming)] {
            let stored = try record(at: row)
            // Two DOIs that differ are two works, whatever their titles.
            if stored.doi == nil || incoming.doi == nil { match = (row, "the same title, year and first author") }
        }
        if let (row, why) = match {
            let stored = try record(at: row)
            try settle(incoming, row: row, stored: stored, into: Self.filled(stored, from: incoming), why: why)
            return
        }
        var added = incoming
        added.id = RecordIdentifiers.free(incoming.id, in: ids)
        let row = -(newRows.count + 1)
        newRows.append(row)
        remember(added, row: row)
        plan.entries.append(.init(action: .add, incomingID: incoming.id, libraryID: added.id,
                                  reason: added.id == incoming.id ? "new" : "new; its id is taken, so it is \(added.id)"))
    }

    /// Records an update, or a skip when nothing changes.
    private mutating func settle(_ incoming: Record, row: Int, stored: Record, into result: Record, why: String) throws(DatabaseError) {
        let fields = Self.changedFields(stored, result)
        guard !fields.isEmpty else {
            plan.entries.append(.init(action: .skip, incomingID: incoming.id, libraryID: stored.id, reason: "\(why) as \(stored.id); nothing new"))
            return
        }
        changed[row] = result
        remember(result, row: row)
        plan.entries.append(.init(action: .update, incomingID: incoming.id, libraryID: stored.id,
                                  reason: "\(why) as \(stored.id); \(fields.joined(separator: ", ")) changed"))
    }

    private mutating func remember(_ record: Record, row: Int) {
        ids.insert(record.id)
        if let doi = record.doi?.lowercased(), byDOI[doi] == nil { byDOI[doi] = row }
        let work = LibraryStore.workKey(record)
        if !work.isEmpty, byWork[work] == nil { byWork[work] = row }
        if row < 0, let source = record.source { bySource[source.path + "\u{0}" + (record.citationKey ?? record.id)] = row }
        if row < 0 { changed[row] = record }
    }

    private func record(at row: Int) throws(DatabaseError) -> Record {
        if let record = changed[row] { return record }
        let statement = try store.database.prepare("SELECT data FROM records WHERE rowid = ?")
        try statement.bind([.integer(row)])
        guard try statement.step() else { throw DatabaseError(path: store.path, code: 0, message: "record row \(row) vanished") }
        return try store.decode(statement.blob(0))
    }

    func write() throws(DatabaseError) {
        let insert = try store.database.prepare("""
            INSERT INTO records (id, kind, title, year, doi, work_key, source_path, source_key, added, updated, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in newRows {
            guard let record = changed[row] else { continue }
            try insert.run(Self.columns(record) + [.text(record.source?.path), .text(record.source.map { _ in record.citationKey ?? record.id }),
                                                   .integer(now), .integer(now), .blob(RecordCoding.encode(record))])
        }
        let update = try store.database.prepare("""
            UPDATE records SET id = ?, kind = ?, title = ?, year = ?, doi = ?, work_key = ?, updated = ?, data = ? WHERE rowid = ?
            """)
        for (row, record) in changed where row > 0 {
            try update.run(Self.columns(record) + [.integer(now), .blob(RecordCoding.encode(record)), .integer(row)])
        }
    }

    private static func columns(_ record: Record) -> [Statement.Value] {
        [.text(record.id), .text(record.kind.rawValue), .text(record.title), .integer(record.year), .text(record.doi?.lowercased()),
         .text(LibraryStore.workKey(record))]
    }

    /// The names of the JSON fields that differ (the JSON has every field;
    /// a citation key is the id once stored).
    static func changedFields(_ old: Record, _ new: Record) -> [String] {
        guard old != new else { return [] }
        let moment = LocalDateTime(date: PartialDate(year: 2000), hour: 0, minute: 0)
        guard case .object(let before) = RecordJSON.value(of: old, now: moment),
              case .object(let after) = RecordJSON.value(of: new, now: moment) else { return [] }
        var names: [String] = []
        for (key, value) in after where before.first(where: { $0.0 == key })?.1 != value { names.append(key) }
        for (key, _) in before where !after.contains(where: { $0.0 == key }) { names.append(key) }
        return names
    }

    /// `record` with the fields it lacks taken from `other`.
    static func filled(_ record: Record, from other: Record) -> Record {
        var result = record
        if result.authors.isEmpty { result.authors = other.authors }
        if result.editors.isEmpty { result.editors = other.editors }
        if result.date == nil || (other.date?.month != nil && result.date?.month == nil) { result.date = other.date ?? result.date }
        result.type = result.type ?? other.type
        result.container = result.container ?? other.container
        result.volume = result.volume ?? other.volume
        result.issue = result.issue ?? other.issue
        result.pages = result.pages ?? other.pages
        result.publisher = result.publisher ?? other.publisher
        result.doi = result.doi ?? other.doi
        result.url = result.url ?? other.url
        result.publisherPlace = result.publisherPlace ?? other.publisherPlace
        if result.issn.isEmpty { result.issn = other.issn }
        result.abstract = result.abstract ?? other.abstract
        if result.keywords.isEmpty { result.keywords = other.keywords }
        result.language = result.language ?? other.language
        result.citations = result.citations ?? other.citations
        return result
    }
}
