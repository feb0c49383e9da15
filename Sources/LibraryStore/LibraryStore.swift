import Foundation
import OstromCore

/// The user's library: one SQLite database, `library.sqlite` in the data
/// folder, holding the imported records and everything the user adds (stars,
/// tags, notes, places, reading positions, search history), so that a record
/// and what the user wrote about it change in one transaction and are backed
/// up as one file. WAL mode; every user action is one transaction; another
/// running instance's write is waited for. A file that is not a library, or
/// that a newer ostrom made, is refused and left as it is.
public final class LibraryStore {
    public static let fileName = "library.sqlite"
    /// The search index kept beside the library (see `IndexFile`).
    public static let indexFileName = "search-index"
    /// The records' places on the ladder, kept beside the library (see `PlacementFile`).
    public static let placementsFileName = "placements"

    public let path: String
    public var indexPath: String { URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(Self.indexFileName).path }
    public var placementsPath: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(Self.placementsFileName).path
    }
    let database: SQLiteDatabase
    /// What opening found worth telling (files moved in from earlier versions, or not).
    public private(set) var warnings: [String] = []

    /// Opens the library in `folder` (made when missing), moving in the
    /// files earlier versions kept in `folder` and `stateFolder`. Another
    /// instance's write is waited for `wait` seconds; `onWait` says so.
    public init(folder: String, stateFolder: String?, wait: Double = 10, onWait: (() -> Void)? = nil) throws(DatabaseError) {
        path = folder + "/" + Self.fileName
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError(path: folder, code: 0, message: "the folder for the library cannot be made (\(error.localizedDescription))")
        }
        database = try SQLiteDatabase(path: path)
        database.waitWhenBusy(seconds: wait, onWait: onWait)
        do {
            // Records of 2–3 KB fill 16 KB pages well (4 KB ones hold one each);
            // this applies only to a new file, and must come before WAL.
            try database.retryingWhileBusy { () throws(DatabaseError) in
                try database.execute("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536")
            }
        } catch where error.code & 0xff == 26 /* SQLITE_NOTADB */ {
            throw DatabaseError(path: path, code: error.code, message: "not an ostrom library (damaged, or another kind of file); left as it is")
        }
        try database.retryingWhileBusy { () throws(DatabaseError) in try LibrarySchema.migrate(database) }
        warnings = try LegacyMigration(store: self, folders: [folder, stateFolder].compactMap { $0 }).run()
    }

    /// The library's folder from the environment (see `StateLocation`).
    public convenience init(environment: [String: String], wait: Double = 10, onWait: (() -> Void)? = nil) throws(DatabaseError) {
        guard let folder = StateLocation.dataFolder(environment: environment) else {
            throw DatabaseError(path: "library", code: 0, message: "no place for the library: set HOME or XDG_DATA_HOME")
        }
        try self.init(folder: folder, stateFolder: StateLocation.stateFolder(environment: environment), wait: wait, onWait: onWait)
    }

    /// How long a write waits for another instance's (the browser waits
    /// less than a command: its changes stay pending and go with the next save).
    public func waitWhenBusy(seconds: Double, onWait: (() -> Void)? = nil) {
        database.waitWhenBusy(seconds: seconds, onWait: onWait)
    }

    /// Every record, in the order they were added.
    public func records() throws(DatabaseError) -> [Record] {
        let count = try database.prepare("SELECT count(*) FROM records")
        var records: [Record] = []
        if try count.step() { records.reserveCapacity(count.int(0)) }
        let statement = try database.prepare("SELECT data FROM records ORDER BY rowid")
        while try statement.step() { records.append(try decode(statement.blob(0))) }
        return records
    }

    /// The records with these ids, in the order asked (unknown ids left out).
    public func records(ids: [String]) throws(DatabaseError) -> [Record] {
        let statement = try database.prepare("SELECT data FROM records WHERE id = ?")
        var found: [Record] = []
        for id in ids {
            try statement.bind([.text(id)])
            if try statement.step() { found.append(try decode(statement.blob(0))) }
        }
        return found
    }

    /// The local day each record was added, `YYYY-MM-DD`, by id.
    public func addedDays() throws(DatabaseError) -> [String: String] {
        try database.dictionary("SELECT id, date(added, 'unixepoch', 'localtime') FROM records")
    }

    func decode(_ bytes: UnsafeRawBufferPointer) throws(DatabaseError) -> Record {
        try Self.decode(bytes, path: path)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(DatabaseError) -> Record {
        do throws(RecordCoding.Failure) {
            return try RecordCoding.decode(bytes)
        } catch {
            throw DatabaseError(path: path, code: 0, message: "a record cannot be read (\(error)); the library is left as it is")
        }
    }
}

/// A record as the library holds it, with what `restore` needs to put it
/// back exactly (its place in the order, the day it was added, its file).
public struct StoredRecord: Sendable, Equatable {
    public var record: Record
    let row: Int
    let added: Int
    let sourcePath: String?
    let sourceKey: String?
}

extension LibraryStore {
    /// Removes the records with these ids in one transaction and returns
    /// them (for undo); none is removed when an id is not in the library
    /// (it throws, naming them). Their stars, tags and notes are kept.
    public func remove(ids: [String], dryRun: Bool = false) throws(DatabaseError) -> [StoredRecord] {
        try database.transaction { () throws(DatabaseError) -> [StoredRecord] in
            let read = try database.prepare("SELECT rowid, added, source_path, source_key, data FROM records WHERE id = ?")
            var found: [StoredRecord] = []
            var missing: [String] = []
            for id in ids {
                try read.bind([.text(id)])
                guard try read.step() else {
                    missing.append(id)
                    continue
                }
                found.append(StoredRecord(record: try decode(read.blob(4)), row: read.int(0), added: read.int(1),
                                          sourcePath: read.text(2), sourceKey: read.text(3)))
            }
            guard missing.isEmpty else {
                throw DatabaseError(path: path, code: 0, message: "not in your library: \(missing.joined(separator: ", ")); nothing removed")
            }
            if !dryRun {
                let delete = try database.prepare("DELETE FROM records WHERE rowid = ?")
                for stored in found { try delete.run([.integer(stored.row)]) }
            }
            return found
        }
    }

    /// Puts removed records back where they were.
    public func restore(_ removed: [StoredRecord]) throws(DatabaseError) {
        try database.transaction { () throws(DatabaseError) in
            let insert = try database.prepare("""
                INSERT INTO records (rowid, id, kind, title, year, doi, work_key, source_path, source_key, added, updated, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for stored in removed {
                let record = stored.record
                try insert.run([.integer(stored.row), .text(record.id), .text(record.kind.rawValue), .text(record.title), .integer(record.year),
                                .text(record.doi?.lowercased()), .text(Self.workKey(record)), .text(stored.sourcePath), .text(stored.sourceKey),
                                .integer(stored.added), .integer(Int(Date().timeIntervalSince1970)), .blob(RecordCoding.encode(record))])
            }
        }
    }

    /// The library's record with this id, if it is there.
    public func record(id: String) throws(DatabaseError) -> Record? {
        try records(ids: [id]).first
    }

    /// Writes an edited record over the one with its id.
    public func replace(_ record: Record) throws(DatabaseError) {
        try database.transaction { () throws(DatabaseError) in
            let update = try database.prepare("""
                UPDATE records SET kind = ?, title = ?, year = ?, doi = ?, work_key = ?, updated = ?, data = ? WHERE id = ?
                """)
            try update.run([.text(record.kind.rawValue), .text(record.title), .integer(record.year), .text(record.doi?.lowercased()),
                            .text(Self.workKey(record)), .integer(Int(Date().timeIntervalSince1970)), .blob(RecordCoding.encode(record)),
                            .text(record.id)])
        }
    }
}

/// Records in the order they were added, a part at a time, for a browser
/// that shows its first screen before the whole library is read.
extension LibraryStore {
    /// A part of the library: its records and the day each was added.
    public struct Part: Sendable {
        public var records: [Record]
        /// The day each record was added, by position.
        public var addedDays: [String?]
        /// The last row read: the next part starts after it.
        public var lastRow: Int
    }

    /// Names this library and the state of its records: another library,
    /// or any change to this one's records, gives another stamp (a record
    /// added changes the count and the last row; one changed or removed
    /// moves the counter on).
    public func changeStamp() throws(DatabaseError) -> String {
        try Self.changeStamp(of: database)
    }

    private static func changeStamp(of database: SQLiteDatabase) throws(DatabaseError) -> String {
        let statement = try database.prepare("""
            SELECT identity, counter, (SELECT count(*) FROM records), (SELECT max(rowid) FROM records) FROM library_changes
            """)
        guard try statement.step(), let identity = statement.text(0) else { return "" }
        return "\(identity).\(statement.int(1)).\(statement.int(2)).\(statement.int(3))"
    }

    public func recordCount() throws(DatabaseError) -> Int {
        let statement = try database.prepare("SELECT count(*) FROM records")
        return try statement.step() ? statement.int(0) : 0
    }

    /// Up to `limit` records after row `after`.
    public func part(after row: Int, limit: Int) throws(DatabaseError) -> Part {
        try Self.part(of: database, path: path, after: row, limit: limit)
    }

    /// Reads the records after row `after` on a connection of its own (for
    /// another thread), in one read transaction: `atStart` is told the
    /// change stamp of the state read, then the records are handed over
    /// `size` at a time (`deliver` may change a part in place, where a
    /// copy would cost).
    public static func readParts(path: String, after row: Int, size: Int, atStart: (String) -> Void,
                                 deliver: (inout Part) -> Void) throws(DatabaseError) {
        let database = try SQLiteDatabase(path: path, readOnly: true)
        try database.execute("BEGIN")
        defer { try? database.execute("COMMIT") }
        atStart(try changeStamp(of: database))
        var last = row
        while true {
            var part = try Self.part(of: database, path: path, after: last, limit: size)
            if part.records.isEmpty { return }
            last = part.lastRow
            deliver(&part)
        }
    }

    private static func part(of database: SQLiteDatabase, path: String, after row: Int, limit: Int) throws(DatabaseError) -> Part {
        let statement = try database.prepare("""
            SELECT rowid, date(added, 'unixepoch', 'localtime'), data FROM records WHERE rowid > ? ORDER BY rowid LIMIT ?
            """)
        try statement.bind([.integer(row), .integer(limit)])
        var part = Part(records: [], addedDays: [], lastRow: row)
        // The bytes are gathered, then decoded on every core.
        var bytes: [UInt8] = []
        var ends: [Int] = []
        while try statement.step() {
            let blob = statement.blob(2)
            if bytes.isEmpty { bytes.reserveCapacity(blob.count * limit * 5 / 4) }
            bytes += blob
            ends.append(bytes.count)
            part.addedDays.append(statement.text(1))
            part.lastRow = statement.int(0)
        }
        let failure = FirstFailure()
        part.records = bytes.withUnsafeBytes { all in
            Array(ends.indices).parallelMap(minimumPerPart: 64) { index in
                let bytes = UnsafeRawBufferPointer(rebasing: all[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                do throws(DatabaseError) {
                    return try decode(bytes, path: path)
                } catch {
                    failure.keep(error)
                    return Record(kind: .note, title: "")
                }
            }
        }
        if let error = failure.error { throw error }
        return part
    }
}

/// The first error of work done on several cores.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: DatabaseError?

    func keep(_ error: DatabaseError) {
        lock.withLock { if first == nil { first = error } }
    }

    var error: DatabaseError? { lock.withLock { first } }
}
