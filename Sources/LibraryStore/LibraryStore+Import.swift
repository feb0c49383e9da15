import Foundation
import OstromCore

/// What an import does, record by record, and why.
public struct ImportPlan: Sendable {
    public enum Action: String, Sendable {
        case add, update, skip
    }

    /// Why a record is added, updated or skipped.
    public enum Match: Sendable, Equatable {
        /// No record matched.
        case none
        /// The same entry (key) of the same file, imported before.
        case sameEntry(path: String)
        case sameDOI
        case sameWork
    }

    public struct Entry: Sendable {
        public var action: Action
        /// The record's id in the file it came from.
        public var incomingID: String
        /// The library's record it became or matched.
        public var libraryID: String
        public var match: Match
        /// The fields an update changed.
        public var changedFields: [String] = []

        /// In words, for the command line.
        public var reason: String {
            let how: String
            switch match {
            case .none: return libraryID == incomingID ? "new" : "new; its id is taken, so it is \(libraryID)"
            case .sameEntry(let path): how = "from the same entry of \(RawPath.display(path))"
            case .sameDOI: how = "the same DOI"
            case .sameWork: how = "the same title, year and first author"
            }
            return "\(how) as \(libraryID); " + (action == .skip ? "nothing new" : "\(changedFields.joined(separator: ", ")) changed")
        }
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
            var planner = try ImportPlanner(store: self, incoming: incoming)
            for index in incoming.indices { try planner.take(index) }
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
/// Rows are the stored records' rowids; a new record's row is minus one
/// minus its index in `incoming`.
private struct ImportPlanner {
    let store: LibraryStore
    let incoming: [Record]
    var plan = ImportPlan()
    private var byDOI: [String: Int] = [:]
    private var byWork: [String: Int] = [:]
    private var bySource: [String: Int] = [:]
    private var ids: Set<String> = []
    /// Stored records as they will be after the import.
    private var updated: [Int: Record] = [:]
    /// The records to add: their index in `incoming` and their id.
    private var added: [(index: Int, id: String)] = []
    private var addedAt: [Int: Int] = [:]
    /// The work keys of the incoming records, worked out on every core.
    private let incomingWorkKeys: [String]
    /// The work keys of the records updated.
    private var workKeys: [Int: String] = [:]
    private let read: Statement
    private let now = Int(Date().timeIntervalSince1970)

    init(store: LibraryStore, incoming: [Record]) throws(DatabaseError) {
        self.store = store
        self.incoming = incoming
        incomingWorkKeys = incoming.parallelMap(LibraryStore.workKey)
        read = try store.database.prepare("SELECT data FROM records WHERE rowid = ?")
        let count = try store.database.prepare("SELECT count(*) FROM records")
        let stored = try count.step() ? count.int(0) : 0
        ids.reserveCapacity(stored + incoming.count)
        byDOI.reserveCapacity(stored + incoming.count)
        byWork.reserveCapacity(stored + incoming.count)
        bySource.reserveCapacity(stored + incoming.count)
        plan.entries.reserveCapacity(incoming.count)
        let statement = try store.database.prepare("SELECT rowid, id, doi, work_key, source_path, source_key FROM records")
        while try statement.step() {
            let row = statement.int(0)
            ids.insert(statement.text(1) ?? "")
            if let doi = statement.text(2), byDOI[doi] == nil { byDOI[doi] = row }
            if let work = statement.text(3), !work.isEmpty, byWork[work] == nil { byWork[work] = row }
            if let path = statement.text(4), let key = statement.text(5) { bySource[path + "\u{0}" + key] = row }
        }
    }

    /// The file and the entry's id there: its citation key, or for a key
    /// the file repeats the id the repeat got, as `ostrom list FILE` shows it.
    private static func sourceKey(_ record: Record) -> String? {
        record.source.map { $0.path + "\u{0}" + record.id }
    }

    mutating func take(_ index: Int) throws(DatabaseError) {
        let record = incoming[index]
        let sourceKey = Self.sourceKey(record)
        if let sourceKey, let row = bySource[sourceKey] {
            let stored = try self.record(at: row)
            var replacement = record
            replacement.id = stored.id
            replacement.citationKey = stored.id
            try settle(record, row: row, stored: stored, into: replacement, match: .sameEntry(path: record.source?.path ?? ""))
            return
        }
        let doi = record.doi?.lowercased()
        let work = incomingWorkKeys[index]
        var match: (row: Int, stored: Record, how: ImportPlan.Match)?
        if let row = doi.flatMap({ byDOI[$0] }) {
            match = (row, try self.record(at: row), .sameDOI)
        } else if let row = byWork[work] {
            // Two DOIs that differ are two works, whatever their titles.
            let stored = try self.record(at: row)
            if record.doi == nil || stored.doi == nil { match = (row, stored, .sameWork) }
        }
        if let (row, stored, how) = match {
            try settle(record, row: row, stored: stored, into: Self.filled(stored, from: record), match: how)
            return
        }
        let id = RecordIdentifiers.free(record.id, in: ids)
        let row = -1 - index
        addedAt[row] = added.count
        added.append((index, id))
        ids.insert(id)
        remember(doi: doi, work: work, row: row, isNew: true)
        if let sourceKey { bySource[sourceKey] = row }
        plan.entries.append(.init(action: .add, incomingID: record.id, libraryID: id, match: .none))
    }

    /// Records an update, or a skip when nothing changes.
    private mutating func settle(_ incoming: Record, row: Int, stored: Record, into result: Record, match: ImportPlan.Match) throws(DatabaseError) {
        let fields = Self.changedFields(stored, result)
        guard !fields.isEmpty else {
            plan.entries.append(.init(action: .skip, incomingID: incoming.id, libraryID: stored.id, match: match))
            return
        }
        // (A record this import adds, met again, is written as updated here.)
        updated[row] = result
        remember(doi: result.doi?.lowercased(), work: LibraryStore.workKey(result), row: row, isNew: false)
        plan.entries.append(.init(action: .update, incomingID: incoming.id, libraryID: stored.id, match: match, changedFields: fields))
    }

    private mutating func remember(doi: String?, work: String, row: Int, isNew: Bool) {
        if let doi, byDOI[doi] == nil { byDOI[doi] = row }
        if !isNew { workKeys[row] = work }
        if !work.isEmpty, byWork[work] == nil { byWork[work] = row }
    }

    /// The record at a row as it is now in this import.
    private func record(at row: Int) throws(DatabaseError) -> Record {
        if let record = updated[row] { return record }
        if row < 0, let position = addedAt[row] {
            var record = incoming[added[position].index]
            record.id = added[position].id
            record.citationKey = record.id
            return record
        }
        try read.bind([.integer(row)])
        guard try read.step() else { throw DatabaseError(path: store.path, code: 0, message: "record row \(row) vanished") }
        return try store.decode(read.blob(0))
    }

    func write() throws(DatabaseError) {
        let insert = try store.database.prepare("""
            INSERT INTO records (id, kind, title, year, doi, work_key, source_path, source_key, added, updated, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Encoded on every core a part at a time, inserted in order.
        var start = 0
        while start < added.count {
            let part = added[start..<min(start + 4096, added.count)]
            let records = part.map { index, id in
                var record = updated[-1 - index] ?? incoming[index]
                record.id = id
                return record
            }
            let encoded = records.parallelMap(minimumPerPart: 64, RecordCoding.encode)
            for (offset, (index, _)) in part.enumerated() {
                let original = incoming[index]
                let key = original.id
                try insert.run(columns(records[offset], row: -1 - index)
                    + [.text(original.source?.path), .text(original.source.map { _ in key }), .integer(now), .integer(now), .blob(encoded[offset])])
            }
            start += part.count
        }
        let update = try store.database.prepare("""
            UPDATE records SET id = ?, kind = ?, title = ?, year = ?, doi = ?, work_key = ?, updated = ?, data = ? WHERE rowid = ?
            """)
        for (row, record) in updated where row > 0 {
            try update.run(columns(record, row: row) + [.integer(now), .blob(RecordCoding.encode(record)), .integer(row)])
        }
    }

    private func columns(_ record: Record, row: Int) -> [Statement.Value] {
        let work = workKeys[row] ?? (row < 0 ? incomingWorkKeys[-1 - row] : LibraryStore.workKey(record))
        return [.text(record.id), .text(record.kind.rawValue), .text(record.title), .integer(record.year), .text(record.doi?.lowercased()), .text(work)]
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
