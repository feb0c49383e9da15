import CSQLite
import Foundation
import SyntheticLibrary
import Testing
@testable import LibraryStore
@testable import OstromCore

/// A folder of the test's own under `$TMPDIR`, removed by the test.
func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func paper(_ id: String, _ title: String, year: Int = 2020, doi: String? = nil, family: String = "Pestoff") -> Record {
    var record = Record(id: id, kind: .paper, title: title)
    record.citationKey = id
    record.date = PartialDate(year: year)
    record.doi = doi
    record.authors = [Person(family: family, given: "Victor")]
    record.source = SourceReference(path: "/library/refs.bib", format: "bibtex", bodyLine: 1)
    return record
}

@Suite struct LibraryStoreTests {
    @Test func recordsComeBackInTheOrderAdded() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = SyntheticLibrary.records(count: 500).map { record in
            var record = record
            record.citationKey = record.id
            return record
        }
        let plan = try LibraryStore(folder: folder, stateFolder: nil).importRecords(records)
        #expect(plan.count(.add) == 500)
        #expect(try LibraryStore(folder: folder, stateFolder: nil).records() == records)
    }

    @Test func duplicatesFillWhatWasMissingOrAreSkipped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        var first = paper("a2020", "Co-production and trust", doi: "10.1/A")
        first.source = nil
        #expect(try store.importRecords([first, paper("b2020", "Other")]).count(.add) == 2)
        // The same DOI (any case), from another file: fills the abstract.
        var richer = paper("x2020", "Another title", doi: "10.1/a")
        richer.abstract = "Now with an abstract."
        richer.source = SourceReference(path: "/elsewhere.bib", format: "bibtex")
        let updated = try store.importRecords([richer])
        #expect(updated.entries.map(\.action) == [.update])
        #expect(updated.entries[0].reason == "the same DOI as a2020; abstract changed")
        #expect(try store.records(ids: ["a2020"]).first?.abstract == "Now with an abstract.")
        #expect(try store.importRecords([richer]).entries.map(\.action) == [.skip])
        // The same folded title, year and first author: a duplicate…
        let same = paper("c2020", "CO-PRODUCTION and Trust!")
        #expect(try store.importRecords([same]).entries.first?.reason == "the same title, year and first author as a2020; nothing new")
        // …unless the DOIs differ, or the year or the first author does.
        let others = [paper("d2020", "Co-production and trust", doi: "10.1/other"), paper("e2021", "Co-production and trust", year: 2021),
                      paper("f2020", "Co-production and trust", family: "Ostrom")]
        #expect(try store.importRecords(others).entries.map(\.action) == [.add, .add, .add])
    }

    /// A key the file gives twice: both entries are added (the second as
    /// `ostrom list FILE` shows it), and a new export matches each again.
    @Test func aKeyTheFileRepeatsIsTwoEntries() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        var second = paper("x", "Second work", family: "Ostrom")
        second.id = "xa"
        let first = paper("x", "First work")
        #expect(try store.importRecords([first, second]).entries.map(\.action) == [.add, .add])
        #expect(try store.importRecords([first, second]).entries.map(\.action) == [.skip, .skip])
        #expect(try store.records().map(\.title) == ["First work", "Second work"])
    }

    @Test func theDayEachRecordWasAddedIsKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        _ = try store.importRecords([paper("a", "A"), paper("b", "B")])
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        // (A test run across midnight may see the day after.)
        let days = try store.addedDays()
        #expect(days.keys.sorted() == ["a", "b"])
        #expect(days.values.allSatisfy { $0 >= today })
    }

    @Test func removedAllOrNoneAndRestoredInPlace() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        _ = try store.importRecords([paper("a", "A"), paper("b", "B"), paper("c", "C")])
        #expect(throws: DatabaseError.self) { try store.remove(ids: ["b", "nobody"]) }
        #expect(try store.records().count == 3)
        #expect(try store.remove(ids: ["b"], dryRun: true).map(\.record.id) == ["b"])
        let days = try store.addedDays()
        let removed = try store.remove(ids: ["b", "a"])
        #expect(try store.records().map(\.id) == ["c"])
        try store.restore(removed)
        #expect(try store.records().map(\.id) == ["a", "b", "c"])
        #expect(try store.addedDays() == days)
        var edited = try #require(try store.record(id: "b"))
        edited.title = "B, edited"
        try store.replace(edited)
        #expect(try store.records().map(\.title) == ["A", "B, edited", "C"])
    }

    @Test func aTakenIDGetsASuffixAndADryRunWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        _ = try store.importRecords([paper("pestoff2006", "Citizens and co-production")])
        var other = paper("pestoff2006", "Something else entirely")
        other.source = SourceReference(path: "/other.bib", format: "bibtex")
        let dry = try store.importRecords([other], dryRun: true)
        #expect(dry.entries.first?.reason == "new; its id is taken, so it is pestoff2006a")
        #expect(try store.records().count == 1)
        _ = try store.importRecords([other])
        #expect(try store.records().map(\.id) == ["pestoff2006", "pestoff2006a"])
    }

    /// A file exported again (Zotero, Better BibTeX): its records are
    /// updated in place, unchanged ones skipped, new ones added.
    @Test func aNewerVersionOfAFileUpdatesItsRecords() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        _ = try store.importRecords([paper("one", "First title"), paper("two", "Second")])
        var retitled = paper("one", "First title, corrected", year: 2021)
        retitled.source?.bodyLine = 9
        let plan = try store.importRecords([retitled, paper("two", "Second"), paper("three", "Third")])
        #expect(plan.entries.map(\.action) == [.update, .skip, .add])
        #expect(plan.entries[0].reason == "from the same entry of /library/refs.bib as one; title, date, year, source changed")
        #expect(try store.records().map(\.title) == ["First title, corrected", "Second", "Third"])
    }

    /// A library on a read-only mount is opened as an SQLite URI: every
    /// byte of its path that a URI gives a meaning to is escaped, and the
    /// library is read there, written nowhere.
    @Test func anImmutableOpenFindsALibraryWhateverItsPathHolds() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/a b?c=1&d#e%20é"
        do {
            let store = try LibraryStore(folder: folder, stateFolder: nil)
            _ = try store.importRecords([paper("a1", "Time banks")])
        }
        let uri = SQLiteDatabase.immutableURI(folder + "/library.sqlite")
        #expect(uri.hasPrefix("file:/") && uri.hasSuffix("/a%20b%3Fc=1%26d%23e%2520%C3%A9/library.sqlite?immutable=1"))
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK)
        defer { sqlite3_close_v2(handle) }
        var statement: OpaquePointer?
        #expect(sqlite3_prepare_v2(handle, "SELECT count(*) FROM records", -1, &statement, nil) == SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        #expect(sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_int(statement, 0) == 1)
        #expect(sqlite3_exec(handle, "DELETE FROM records", nil, nil, nil) == SQLITE_READONLY)
    }

    @Test func aFileThatIsNotALibraryIsRefusedAndLeftAsItIs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + LibraryStore.fileName
        let junk = Data(String(repeating: "not a database ", count: 500).utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        #expect {
            try LibraryStore(folder: folder, stateFolder: nil)
        } throws: { error in
            "\(error)" == path + ": not an ostrom library (damaged, or another kind of file); left as it is"
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
    }

    @Test func aLibraryANewerOstromMadeIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try LibraryStore(folder: folder, stateFolder: nil).importRecords([paper("a", "A")])
        let database = try SQLiteDatabase(path: folder + "/" + LibraryStore.fileName)
        try database.execute("PRAGMA user_version = 99")
        #expect {
            try LibraryStore(folder: folder, stateFolder: nil)
        } throws: { error in
            "\(error)".hasSuffix("made by a newer ostrom (schema 99, this one knows \(LibrarySchema.version)); left as it is")
        }
        #expect(try database.userVersion == 99)
    }

    @Test func aSymbolicLinkIsNotFollowed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/target"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target))
        #expect(symlink(target, folder + "/" + LibraryStore.fileName) == 0)
        #expect(throws: DatabaseError.self) { try LibraryStore(folder: folder, stateFolder: nil) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine")
    }
}
