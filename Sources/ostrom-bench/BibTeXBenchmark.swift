import ArgumentParser
import Foundation
import OstromCore
import SyntheticLibrary

/// Loads a large generated BibTeX file, as `ostrom list big.bib` would:
/// the synthetic library written as real exports mix their styles. Then
/// writes its records as JSON, as `ostrom list --format json` does, to a
/// sink that only counts the bytes (the writer's speed, not the disk's).
struct BibTeXBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bibtex", abstract: "Load a large generated .bib file, then write it as JSON.")

    @Option(help: "Entries in the generated file.") var entries = 100_000
    @Option(help: "Loads to time: the first, then the median of the rest.") var runs = 5

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let file = try GeneratedFile.cachedBibTeX(entries: entries)
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        var seconds: [Double] = []
        var library = Library()
        for _ in 0..<runs {
            library = Library() // The previous load is freed outside the timing.
            let start = DispatchTime.now().uptimeNanoseconds
            library = try Library.load(paths: [file.path])
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        // The first load is a user's: a fresh process, its memory not yet taken from the system.
        let first = seconds[0]
        let later = seconds.dropFirst().sorted()
        print(String(format: "%d entries, %d MB: loaded %d records (%d warnings) in %.2f s the first time",
                     entries, size >> 20, library.records.count, library.diagnostics.count, first)
              + (later.isEmpty ? "" : String(format: "; %.2f s the median of %d more (%.2f to %.2f)",
                                             later[later.count / 2], later.count, later[0], later[later.count - 1])))
        let records = library.records
        let now = LocalDateTime.now()
        var bytes = 0
        let writes = (0..<runs).map { _ in
            bytes = 0
            let start = DispatchTime.now().uptimeNanoseconds
            JSONValue.streamArray(count: records.count, element: { RecordJSON.value(of: records[$0], now: now) }) { bytes += $0.count }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.sorted()
        let median = writes[writes.count / 2]
        print(String(format: "  as JSON: %d MB in %.2f s, %.0f MB/s (the median of %d; %.2f to %.2f s)",
                     bytes / 1_000_000, median, Double(bytes) / 1e6 / median, runs, writes[0], writes[writes.count - 1]))
    }
}
