import Foundation
import OstromCore

/// Moves the files earlier versions wrote (`library.json` in the data
/// folder; `annotations.json`, `reading-positions.json` and
/// `search-history` in the state folder) into the database, each in one
/// transaction with a row saying it is done, then renames it to
/// `NAME.migrated` (`NAME.migrated-2`… when taken). A file that cannot be
/// read stays where it is, with a warning each start, and nothing of it is
/// taken as empty.
struct LegacyMigration {
    let store: LibraryStore
    let folders: [String]

    func run() throws(DatabaseError) -> [String] {
        var warnings: [String] = []
        let names = [LegacyStateFiles.library, LegacyStateFiles.annotations, LegacyStateFiles.readingPositions, LegacyStateFiles.searchHistory]
        for folder in folders {
            for name in names where name != LegacyStateFiles.library || folder == folders.first {
                let path = folder + "/" + name
                guard access(path, F_OK) == 0 else { continue }
                if let warning = try migrate(path, name: name) { warnings.append(warning) }
            }
        }
        return warnings
    }

    /// What a file that cannot be read makes the transaction throw.
    private static let unreadable: Int32 = -1

    /// Moves one file in; a warning when it could not be read or renamed.
    private func migrate(_ path: String, name: String) throws(DatabaseError) -> String? {
        do {
            try store.database.transaction { () throws(DatabaseError) in
                let seen = try store.database.prepare("SELECT 1 FROM migrated_files WHERE name = ?")
                try seen.bind([.text(path)])
                if try seen.step() { return }
                guard let data = FileManager.default.contents(atPath: path) else {
                    let reason = String(cString: strerror(access(path, R_OK) == 0 ? EIO : errno))
                    throw DatabaseError(path: path, code: Self.unreadable, message: "cannot be read (\(reason))")
                }
                try take(data, name: name, path: path)
                try store.database.prepare("INSERT INTO migrated_files (name, migrated) VALUES (?, ?)")
                    .run([.text(path), .integer(Int(Date().timeIntervalSince1970))])
            }
        } catch where error.code == Self.unreadable {
            // The name first: the status row may not have room for the folder.
            let folder = RawPath.display((path as NSString).deletingLastPathComponent)
            return "\(name): \(error.message); left as it is, not moved into \(LibraryStore.fileName) (in \(folder))"
        }
        for attempt in 1...100 {
            let aside = path + ".migrated" + (attempt == 1 ? "" : "-\(attempt)")
            // link fails if the name is taken: no earlier copy is replaced.
            if link(path, aside) == 0 {
                unlink(path)
                return nil
            }
            if errno != EEXIST { break }
        }
        return "\(RawPath.display(path)): moved into \(LibraryStore.fileName) but could not be renamed to .migrated (\(String(cString: strerror(errno))))"
    }

    private func take(_ data: Data, name: String, path: String) throws(DatabaseError) {
        switch name {
        case LegacyStateFiles.library:
            _ = try store.importRecords(try read(path) { () throws(LegacyStateFiles.Failure) in try LegacyStateFiles.records(in: data, path: path) })
        case LegacyStateFiles.annotations:
            let byRecord = try read(path) { () throws(LegacyStateFiles.Failure) in try LegacyStateFiles.annotations(in: data) }
            let write = try store.database.prepare("""
                INSERT OR REPLACE INTO annotations (record_id, starred, tags, note, placement) VALUES (?, ?, ?, ?, ?)
                """)
            let delete = try store.database.prepare("DELETE FROM annotations WHERE record_id = ?")
            for id in byRecord.keys.sorted() { try store.store(byRecord[id], id: id, write: write, delete: delete) }
        case LegacyStateFiles.readingPositions:
            let offsets = try read(path) { () throws(LegacyStateFiles.Failure) in try LegacyStateFiles.readingPositions(in: data) }
            try store.save(ReadingPositions(offsets: offsets))
        default:
            try store.addToSearchHistory(LegacyStateFiles.searchHistory(in: data))
        }
    }

    /// A file's content, or the error that leaves it where it is.
    private func read<T>(_ path: String, _ parse: () throws(LegacyStateFiles.Failure) -> T) throws(DatabaseError) -> T {
        do throws(LegacyStateFiles.Failure) {
            return try parse()
        } catch {
            throw DatabaseError(path: path, code: Self.unreadable, message: error.description)
        }
    }
}
