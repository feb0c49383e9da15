import Foundation
import OstromCore
import SyntheticLibrary
import Testing

/// The commands that print arrays of JSON stream them (`ladder`, its
/// array of places after the model), a batch of records
/// at a time on two cores: what they print is byte for byte the array the
/// library's records make whole, across batches.
@Suite struct StreamedJSONTests {
    /// More records than one batch, so that two are made at once.
    private static let count = JSONValue.streamBatch + 44

    private func generated() throws -> (folder: URL, file: String, records: [Record]) {
        let folder = try OstromBinary.temporaryFolder()
        let file = folder.appendingPathComponent("generated.bib").path
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: Self.count)).utf8).write(to: URL(fileURLWithPath: file))
        return (folder, file, try Library.load(paths: [file]).records)
    }

    @Test func cslJSONOfAWholeLibraryIsTheArrayMadeWhole() throws {
        let (folder, file, records) = try generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try OstromBinary.run(["export", "--format", "csljson", "--from", file])
        #expect(output.status == 0)
        #expect(records.count == Self.count)
        #expect(output.stdout == CSLJSONExporter.value(of: records).serialized() + "\n")
    }

    @Test func ladderJSONIsTheObjectMadeWhole() throws {
        let (folder, file, records) = try generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try OstromBinary.run(["ladder", "--format", "json", file])
        let engine = PlacementEngine()
        let placements = records.map { (id: $0.id, placement: RecordPlacement(analysis: engine.analyse($0))) }
        #expect(output.stdout == LadderJSON.value(of: LadderModel.builtIn(), placements: placements).serialized() + "\n")
    }

    @Test func placeJSONIsTheArrayMadeWhole() throws {
        let (folder, file, records) = try generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try OstromBinary.run(["place", "--format", "json", file])
        let engine = PlacementEngine()
        let whole = JSONValue.array(records.map { PlacementJSON.value(of: RecordPlacement(analysis: engine.analyse($0)), id: $0.id) })
        #expect(output.stdout == whole.serialized() + "\n")
    }
}
