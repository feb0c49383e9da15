import Foundation
import SyntheticLibrary
import Testing
@testable import LibraryStore
@testable import OstromCore

/// The browser's start on a library larger than its first part: the rest
/// comes on another thread, and the search index is kept beside the
/// library, used at the next start only while the library is unchanged.
@Suite struct LibraryStartTests {
    private let builtIn = Library.builtIn().records

    private func library(count: Int) throws -> (folder: String, store: LibraryStore) {
        let folder = try temporaryFolder()
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        _ = try store.importRecords(SyntheticLibrary.records(count: count))
        return (folder, store)
    }

    /// Starts, reads everything, and returns the records and the index.
    private func started(_ store: LibraryStore, program: String = "ostrom test") throws -> ([Record], SearchIndex) {
        let start = try LibraryStart(store: store, builtIn: builtIn, program: program, keepsIndexFrom: 100)
        let loading = try #require(start.loading)
        var records = start.records
        while true {
            let taken = loading.take()
            records += taken.parts.flatMap(\.records)
            if taken.finished { break }
            usleep(1_000)
        }
        return (records, try #require(start.index).index)
    }

    private func waitForFile(_ path: String, changedFrom previous: Date? = nil) -> Date? {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               modified != previous { return modified }
            usleep(10_000)
        }
        return nil
    }

    /// All hits in rank order; an index kept without its records is given
    /// them for the proximity rule, as the browser does once they are read.
    private func hits(_ index: SearchIndex, _ query: String, records: [Record] = []) throws -> [Int] {
        var results = index.search(try SearchQuery.parse(query), ranked: .max)
        results.completeProximity(records: records)
        return results.hits.map(\.record)
    }

    @Test func theIndexIsKeptUsedWhileUnchangedAndBuiltAgainAfterAChange() throws {
        let (folder, store) = try library(count: 1_300)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (records, built) = try started(store)
        #expect(records.count == builtIn.count + 1_300 && built.records.count == records.count)
        let written = try #require(waitForFile(store.indexPath))

        // The next start reads it: it comes without its records, and answers as the one built.
        let (again, kept) = try started(store)
        #expect(again.map(\.id) == records.map(\.id))
        #expect(kept.records.isEmpty && kept.count == records.count)
        for query in ["participation", "co-production health", "\"public services\"", "year:2000..2010"] {
            #expect(try hits(kept, query, records: again) == hits(built, query), "\(query)")
        }

        // Another ostrom does not use it.
        let (_, other) = try started(store, program: "another ostrom")
        #expect(other.records.count == records.count)
        let rewritten = try #require(waitForFile(store.indexPath, changedFrom: written))

        // A record removed: the kept index is of another state, so it is built again.
        _ = try store.remove(ids: [records.last!.id])
        let (fewer, rebuilt) = try started(store, program: "another ostrom")
        #expect(fewer.count == records.count - 1 && rebuilt.records.count == fewer.count)
        #expect(waitForFile(store.indexPath, changedFrom: rewritten) != nil)
        let (_, keptAgain) = try started(store, program: "another ostrom")
        #expect(keptAgain.records.isEmpty && keptAgain.count == fewer.count)
    }

    /// The records read after the first part keep their long texts
    /// together, compressed once the reading and the index are done.
    @Test func theLongTextsReadLaterAreCompressed() throws {
        let (folder, store) = try library(count: 3_000)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (records, _) = try started(store)
        let stores = LongTextStore.stores(of: records)
        #expect(!stores.isEmpty)
        let deadline = Date().addingTimeInterval(20)
        while stores.contains(where: { $0.sizes.compressed == nil }) && Date() < deadline { usleep(10_000) }
        #expect(stores.allSatisfy { $0.sizes.compressed != nil })
        let abstracts = Dictionary(SyntheticLibrary.records(count: 3_000).map { ($0.title, $0.abstract) }, uniquingKeysWith: { first, _ in first })
        let generated = records.filter { abstracts[$0.title] != nil }
        #expect(generated.count >= 2_900)
        #expect(generated.allSatisfy { abstracts[$0.title] == $0.abstract })
    }

    @Test func everyChangeToTheRecordsMovesTheStampOnAndLibrariesDiffer() throws {
        let (folder, store) = try library(count: 3)
        let (otherFolder, other) = try library(count: 3)
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: otherFolder)
        }
        var stamps = [try store.changeStamp()]
        #expect(stamps[0] != (try other.changeStamp()))
        var record = try #require(try store.records().first)
        record.title = "Changed"
        try store.replace(record)
        stamps.append(try store.changeStamp())
        let removed = try store.remove(ids: [record.id])
        stamps.append(try store.changeStamp())
        try store.restore(removed)
        stamps.append(try store.changeStamp())
        _ = try store.importRecords([paper("added2026", "A record added")])
        stamps.append(try store.changeStamp())
        // Annotations are not records: the stamp stays.
        var annotations = Annotations(byRecord: try store.annotations())
        annotations.apply(.star(record.id, true))
        try store.save(&annotations)
        stamps.append(try store.changeStamp())
        #expect(Set(stamps.prefix(5)).count == 5 && stamps[5] == stamps[4])
    }

    @Test func aSmallLibraryKeepsNoIndex() throws {
        let (folder, store) = try library(count: 20)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("left from a larger library".utf8).write(to: URL(fileURLWithPath: store.indexPath))
        let start = try LibraryStart(store: store, builtIn: builtIn, program: "ostrom test")
        #expect(start.loading == nil && start.records.count == builtIn.count + 20)
        #expect(!FileManager.default.fileExists(atPath: store.indexPath))
    }

    /// A record whose bytes cannot be read (decoded on several cores) stops
    /// the reading with its reason, after the parts before it.
    @Test func aDamagedRecordStopsTheReadingAndSaysWhy() throws {
        let (folder, store) = try library(count: 1_300)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try store.database.execute("UPDATE records SET data = x'FF00' WHERE rowid = 1200")
        var delivered = 0
        #expect {
            try LibraryStore.readParts(path: store.path, after: 0, size: 1_000, atStart: { _ in }) { delivered += $0.records.count }
        } throws: { error in
            "\(error)".contains("a record cannot be read")
        }
        #expect(delivered == 1_000)
        #expect(throws: DatabaseError.self) { try store.records() }
    }
}
