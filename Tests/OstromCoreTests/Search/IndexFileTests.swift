import Foundation
import SyntheticLibrary
import Testing
@testable import OstromCore

/// The search index kept in a file: read back, it answers every query as
/// the index it was written from; a file of another stamp, or damaged, is
/// refused, never trusted.
@Suite struct IndexFileTests {
    private let records = Library.builtIn().records + SyntheticLibrary.records(count: 400)
    private let queries = ["participation", "co-production", "\"public services\"", "title:\"time bank\"", "volunt",
                           "author:pestoff", "year:2010..2020 health", "kind:event", "type:article", "doi:10.", "health -care",
                           "accountabilty", "coproduction OR co-design"]

    private func written(_ index: SearchIndex, stamp: String = "a stamp") throws -> (folder: URL, path: String) {
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("search-index").path
        try index.write(to: path, stamp: stamp)
        return (folder, path)
    }

    private func answers(_ index: SearchIndex) throws -> [[SearchHit]] {
        try queries.map { query in
            var results = index.search(try SearchQuery.parse(query))
            results.rankMore(upTo: results.hits.count)
            return results.hits
        }
    }

    /// In one half or two (which a library of 4 000 records or more has).
    @Test(arguments: [1, 2]) func anIndexReadBackAnswersAsTheOneWritten(halves: Int) throws {
        let built = SearchIndex(records: records, halves: halves)
        let (folder, path) = try written(built)
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try SearchIndex(count: records.count, file: IndexFile.read(path: path, stamp: "a stamp"))
        #expect(read.records.isEmpty && read.count == records.count && read.splitDocument == built.splitDocument)
        #expect(read.postings.map(\.split) == built.postings.map(\.split))
        // Field phrases read the records: given them, every answer is the same.
        let given = read.with(records: records)
        #expect(try answers(given) == answers(built))
        #expect(given.years == built.years && given.kinds == built.kinds && given.types == built.types && given.dois == built.dois)
        #expect(try answers(given).contains { !$0.isEmpty })
        // Without its records, only a phrase within a field finds nothing;
        // the proximity rule, which reads them, waits for them.
        for (query, expected) in zip(queries, try answers(built)) {
            var results = read.search(try SearchQuery.parse(query), ranked: .max)
            if try SearchQuery.parse(query).readsRecords {
                #expect(results.hits.isEmpty, "\(query)")
                continue
            }
            results.completeProximity(records: records)
            #expect(results.hits == expected, "\(query)")
        }
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["search-index"])
    }

    @Test func aFileOfAnotherStampOrSizeIsStaleAndAMissingOneSaysSo() throws {
        let (folder, path) = try written(SearchIndex(records: records))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: IndexFile.Problem.stale) { try IndexFile.read(path: path, stamp: "another stamp") }
        #expect(throws: IndexFile.Problem.stale) { try IndexFile.read(path: path, stamp: "a stamq") }
        #expect(throws: IndexFile.Problem.stale) {
            try SearchIndex(count: records.count + 1, file: IndexFile.read(path: path, stamp: "a stamp"))
        }
        #expect(throws: IndexFile.Problem.missing) { try IndexFile.read(path: path + "-not-there", stamp: "a stamp") }
    }

    @Test func aDamagedOrTruncatedFileIsRefused() throws {
        let (folder, path) = try written(SearchIndex(records: records))
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let damaged = folder.appendingPathComponent("damaged").path
        for offset in [bytes.count / 3, bytes.count / 2, bytes.count - 9] {
            var changed = bytes
            changed[offset] ^= 0x10
            try changed.write(to: URL(fileURLWithPath: damaged))
            #expect(throws: IndexFile.Problem.damaged("its checksum differs")) { try IndexFile.read(path: damaged, stamp: "a stamp") }
        }
        for length in [bytes.count - 8, bytes.count / 2, 40, 3] {
            try bytes.prefix(length).write(to: URL(fileURLWithPath: damaged))
            #expect(throws: (any Error).self) { try SearchIndex(count: records.count, file: IndexFile.read(path: damaged, stamp: "a stamp")) }
        }
    }

    @Test func aSymlinkIsNotFollowedAndAWritersLeftoverIsRemoved() throws {
        let (folder, path) = try written(SearchIndex(records: records))
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: (any Error).self) { try IndexFile.read(path: link, stamp: "a stamp") }
        // A writer that died (no such process) left its temporary file; a live one's stays.
        let dead = path + ".2147483646.tmp", live = path + ".1.tmp"
        for leftover in [dead, live] { try Data("partial".utf8).write(to: URL(fileURLWithPath: leftover)) }
        try SearchIndex(records: Array(records.prefix(10))).write(to: path, stamp: "again")
        #expect(!FileManager.default.fileExists(atPath: dead) && FileManager.default.fileExists(atPath: live))
        #expect(try SearchIndex(count: 10, file: IndexFile.read(path: path, stamp: "again")).count == 10)
    }

    @Test func aWriteThatFailsLeavesTheKeptFileAsItWas() throws {
        let (folder, path) = try written(SearchIndex(records: records), stamp: "first")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The name of this process's temporary file is taken (by a folder): the write cannot begin.
        try FileManager.default.createDirectory(atPath: "\(path).\(getpid()).tmp", withIntermediateDirectories: false)
        #expect(throws: IndexFile.Problem.self) { try SearchIndex(records: Array(records.prefix(10))).write(to: path, stamp: "second") }
        #expect(try SearchIndex(count: records.count, file: IndexFile.read(path: path, stamp: "first")).count == records.count)
    }
}
