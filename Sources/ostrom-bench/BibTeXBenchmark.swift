import ArgumentParser
import Foundation
import OstromCore
import SyntheticLibrary

/// Loads a large generated BibTeX file, as `ostrom list big.bib` would:
/// the synthetic library written as real exports mix their styles.
struct BibTeXBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bibtex", abstract: "Load a large generated .bib file.")

    @Option(help: "Entries in the generated file.") var entries = 100_000

    func run() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-mixed-\(entries).bib")
        if !FileManager.default.fileExists(atPath: file.path) {
            try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: entries)).utf8).write(to: file)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let start = DispatchTime.now().uptimeNanoseconds
        let library = try Library.load(paths: [file.path])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "%d entries, %d MB: loaded %d records in %.2f s (%d warnings)",
                     entries, size >> 20, library.records.count, seconds, library.diagnostics.count))
    }
}
