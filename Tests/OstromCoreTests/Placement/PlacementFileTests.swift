import Foundation
import Testing
import SyntheticLibrary
@testable import OstromCore

/// Placements kept between starts: read back as written, taken instead of
/// placing again, and not taken from a file of another lexicon, a damaged
/// file, or for a record whose text has changed.
@Suite struct PlacementFileTests {
    let records = SyntheticLibrary.records(count: 30)
    let engine = PlacementEngine()

    private func withFile(_ body: (String) throws -> Void) throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("placements").path)
    }

    @Test func summariesAreReadBackAsWritten() throws {
        try withFile { path in
            let written = records.map { (key: PlacementFile.key(of: $0), summary: PlacementSummary(engine.analyse($0))) }
            #expect(PlacementFile.write(written, to: path, engine: engine))
            let read = PlacementFile.read(path: path, engine: engine)
            #expect(read.count == written.count)
            for (key, summary) in written {
                #expect(read[key] == summary)
            }
            #expect(written.contains { !$0.summary.suggestion.principles.isEmpty && $0.summary.suggestion.stage != nil })
        }
    }

    @Test func aCacheTakesWhatTheFileKeepsAndPlacesOnlyWhatChanged() throws {
        try withFile { path in
            PlacementCache(records: records, keptIn: path).analyseAll()
            // A summary no engine would make, kept for record 0: taken as it is.
            var kept = records.map { (key: PlacementFile.key(of: $0), summary: PlacementSummary(engine.analyse($0))) }
            let planted = PlacementChoice(stage: "Doing to", level: "Descriptive", principles: ["Peer support"])
            kept[0].summary = PlacementSummary(suggestion: planted, scores: [("Doing to", 99)])
            #expect(PlacementFile.write(kept, to: path, engine: engine))
            var edited = records
            edited[1].title = "Residents were coerced into the scheme and told what to do."
            let cache = PlacementCache(records: edited, keptIn: path)
            cache.analyseAll()
            #expect(cache.summary(of: 0).suggestion == planted)
            #expect(cache.summary(of: 0).score(of: "Doing to") == 99)
            // The edited record is placed again, and the file now has it.
            #expect(cache.summary(of: 1) == PlacementSummary(engine.analyse(edited[1])))
            #expect(PlacementFile.read(path: path, engine: engine)[PlacementFile.key(of: edited[1])] == cache.summary(of: 1))
        }
    }

    @Test func aFileOfAnotherLexiconOrDamagedIsNotRead() throws {
        try withFile { path in
            let written = records.map { (key: PlacementFile.key(of: $0), summary: PlacementSummary(engine.analyse($0))) }
            #expect(PlacementFile.write(written, to: path, engine: engine))
            var lexicon = PlacementLexicon.builtIn()
            lexicon.placeAt += 1
            #expect(PlacementFile.read(path: path, engine: PlacementEngine(lexicon: lexicon)).isEmpty)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            // One byte changed in a score: the checksum differs.
            bytes[bytes.count - 16] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(PlacementFile.read(path: path, engine: engine).isEmpty)
            try bytes.dropLast(3).write(to: URL(fileURLWithPath: path))
            #expect(PlacementFile.read(path: path, engine: engine).isEmpty)
            #expect(PlacementFile.read(path: path + ".missing", engine: engine).isEmpty)
        }
    }

    /// A record's key is the same whether its texts are its own, kept in a
    /// store, or kept compressed (whose hashes are made as they are
    /// compressed, so that a key never decompresses a text); a changed
    /// byte, or a word moved from one part to the next, changes it.
    @Test func aRecordsKeyIsTheSameWhereverItsTextsAreKept() throws {
        var records = records
        records[3].body = String(repeating: "Services are designed with the people who use them. ", count: 40)
        let keys = records.map(PlacementFile.key(of:))
        #expect(Set(keys).count == records.count)
        var kept = records
        LongTextStore.keep(&kept)
        let stores = LongTextStore.stores(of: kept)
        #expect(!stores.isEmpty && kept[3].bodyText?.store != nil && kept.allSatisfy { $0.abstractText?.store != nil })
        #expect(kept.map(PlacementFile.key(of:)) == keys)
        LongTextStore.compress(stores)
        #expect(stores.allSatisfy { $0.sizes.compressed != nil })
        #expect(kept.map(PlacementFile.key(of:)) == keys)

        var edited = records[5]
        edited.abstract = String(edited.abstract!.dropLast()) + "!"
        var moved = records[5]
        moved.title = "Co-production"
        moved.keywords = ["in practice"]
        var joined = moved
        joined.title = "Co-production in practice"
        joined.keywords = []
        let changed = [edited, moved, joined].map(PlacementFile.key(of:))
        #expect(Set(changed + [keys[5]]).count == 4)
    }
}
