import ArgumentParser
import Foundation
import OstromCore
import SyntheticLibrary

/// Places every record of a generated library, as the Ladder tab and
/// `stage:` searches do the first time, on one core and on all of them.
struct PlacementBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "place", abstract: "Place a generated library on the ladder.")

    @Option(help: "Records in the generated library.") var records = 10_000
    @Flag(help: "The long texts kept together and compressed, as the browser keeps a large file's.") var compressedTexts = false

    func run() throws {
        var library = SyntheticLibrary.records(count: records)
        if compressedTexts {
            LongTextStore.keep(&library)
            LongTextStore.compress(textsOf: library)
        }
        let engine = PlacementEngine()
        let characters = library.reduce(0) { $0 + ($1.abstract?.count ?? 0) + $1.title.count }
        // Counted, not filtered: a filter copied every record placed, in the time measured.
        var placed = 0
        let one = ProcessCost.measure {
            var analyses = PlacementEngine.Analyses(engine: engine)
            placed = library.reduce(0) { $0 + (analyses.analysis(of: $1).suggestion.stage != nil ? 1 : 0) }
        }
        // What the Ladder tab and `stage:` searches make: the summaries alone.
        var summarised = 0
        let summaries = ProcessCost.measure {
            var made = PlacementEngine.Summaries(engine: engine)
            summarised = library.reduce(0) { $0 + (made.summary(of: $1).suggestion.stage != nil ? 1 : 0) }
        }
        precondition(summarised == placed, "a summary placed otherwise than its analysis")
        var start = DispatchTime.now().uptimeNanoseconds
        PlacementCache(records: library, engine: engine).analyseAll()
        let all = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // The next start: the placements kept in a file are taken from it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-placements-\(getpid())").path
        defer { unlink(file) }
        PlacementCache(records: library, engine: engine, keptIn: file).analyseAll()
        start = DispatchTime.now().uptimeNanoseconds
        PlacementCache(records: library, engine: engine, keptIn: file).analyseAll()
        let kept = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // On one core, the processor time is the time less what others took of it.
        func perRecord(_ cost: ProcessCost) -> String {
            String(format: "%.2f s (%.0f µs a record, %.0f µs of processor)", Double(cost.nanoseconds) / 1e9,
                   Double(cost.nanoseconds) / 1e3 / Double(records), Double(cost.processorNanoseconds) / 1e3 / Double(records))
        }
        print(String(format: "%d records (%.1f MB of text), %d given a stage: ", records, Double(characters) / 1e6, placed)
              + "one core \(perRecord(one)), their summaries alone \(perRecord(summaries)), "
              + String(format: "all cores %.2f s, kept from the last start %.2f s", all, kept))
    }
}
