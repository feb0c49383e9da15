import Foundation
import SyntheticLibrary
import Testing
@testable import LibraryStore
@testable import OstromCore

/// The files the last release wrote move into the database on first start.
@Suite struct LegacyMigrationTests {
    /// `library.json`, `annotations.json`, `reading-positions.json` and
    /// `search-history` as ostrom 0.5 wrote them.
    private func writeReleaseFiles(data: String, state: String, records: [Record]) throws {
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let library = RecordJSON.value(of: records, now: LocalDateTime(date: PartialDate(year: 2026), hour: 0, minute: 0)).serialized() + "\n"
        try Data(library.utf8).write(to: URL(fileURLWithPath: data + "/library.json"))
        try Data("""
            {
              "version": 1,
              "records": {
                "every0": {
                  "starred": true,
                  "tags": ["care", "trust"],
                  "note": "Read again.\\nTwice.",
                  "placement": {"stage": "Doing with", "level": null, "principles": ["Reciprocity"]}
                },
                "nef2014": {"tags": ["x"]}
              }
            }

            """.utf8).write(to: URL(fileURLWithPath: state + "/annotations.json"))
        try Data("{\n  \"/a.txt\": 120,\n  \"record:every1\": 7\n}\n".utf8).write(to: URL(fileURLWithPath: state + "/reading-positions.json"))
        try Data("older\nnewer\n".utf8).write(to: URL(fileURLWithPath: state + "/search-history"))
    }

    @Test func everythingMovesInOnceAndTheFilesAreKeptAsMigrated() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data", state = root + "/state"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let records = SyntheticLibrary.everyField()
        try writeReleaseFiles(data: data, state: state, records: records)
        let store = try LibraryStore(folder: data, stateFolder: state)
        #expect(store.warnings.isEmpty)
        // Every field of every kind (the file kept paths as they are shown).
        let shown = records.map { record in
            var record = record
            let path = RawPath.display(record.source?.path ?? "")
            record.source?.path = path
            return record
        }
        #expect(try store.records() == shown)
        #expect(try store.annotations() == [
            "every0": Annotation(starred: true, tags: ["care", "trust"], note: "Read again.\nTwice.",
                                 placement: PlacementChoice(stage: "Doing with", level: nil, principles: ["Reciprocity"])),
            "nef2014": Annotation(tags: ["x"]),
        ])
        #expect(try store.readingPositions() == ReadingPositions(offsets: ["/a.txt": 120, "record:every1": 7]))
        #expect(try store.searchHistory().entries == ["older", "newer"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).sorted().filter { !$0.hasPrefix("library.sqlite") } == ["library.json.migrated"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).sorted()
            == ["annotations.json.migrated", "reading-positions.json.migrated", "search-history.migrated"])
        // An older ostrom writing the file again: moved in again, under a name of its own.
        try writeReleaseFiles(data: data, state: state, records: [])
        let again = try LibraryStore(folder: data, stateFolder: state)
        #expect(again.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: state + "/annotations.json.migrated-2"))
        #expect(try again.records().count == records.count)
    }

    /// A file that cannot be read stays where it is, is never taken as
    /// empty, and the others move in.
    @Test func aDamagedFileStaysWithAWarning() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data", state = root + "/state"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try writeReleaseFiles(data: data, state: state, records: SyntheticLibrary.everyField())
        let cut = Data("[{\"id\": \"mine2020\", \"kind\": \"paper\", \"title\": \"A thousand records of my own".utf8)
        try cut.write(to: URL(fileURLWithPath: data + "/library.json"))
        try Data("{\"version\": 2, \"records\": {}}".utf8).write(to: URL(fileURLWithPath: state + "/annotations.json"))
        let store = try LibraryStore(folder: data, stateFolder: state)
        #expect(store.warnings == [
            "library.json: not valid JSON (cut off?); left as it is, not moved into library.sqlite (in \(data))",
            "annotations.json: from a newer ostrom (version 2); left as it is, not moved into library.sqlite (in \(state))",
        ])
        #expect(try store.records().isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/library.json")) == cut)
        #expect(try store.searchHistory().entries == ["older", "newer"])
        // Still there at the next start, still said.
        #expect(try LibraryStore(folder: data, stateFolder: state).warnings.count == 2)
    }
}
