import ArgumentParser
import Foundation
import OstromCore
import SyntheticLibrary

/// Loads a large generated BibTeX file, as `ostrom list big.bib` would.
struct BibTeXBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bibtex", abstract: "Load a large generated .bib file.")

    @Option(help: "Entries in the generated file.") var entries = 100_000

    func run() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-\(entries).bib")
        if !FileManager.default.fileExists(atPath: file.path) {
            let text = SyntheticLibrary.records(count: entries).map(Self.bibtex).joined(separator: "\n")
            try Data(text.utf8).write(to: file)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let start = DispatchTime.now().uptimeNanoseconds
        let library = try Library.load(paths: [file.path])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "%d entries, %d MB: loaded %d records in %.2f s (%d warnings)",
                     entries, size >> 20, library.records.count, seconds, library.diagnostics.count))
    }

    static func bibtex(_ record: Record) -> String {
        let authors = record.authors.map { "\($0.family ?? ""), \($0.given ?? "")" }.joined(separator: " and ")
        return """
            @article{\(record.id),
              author = {\(authors)},
              title = {\(record.title)},
              journal = {\(record.container ?? "")},
              year = \(record.year ?? 2000),
              volume = {\(record.volume ?? "")},
              number = {\(record.issue ?? "")},
              doi = {\(record.doi ?? "")},
              keywords = {\(record.keywords.joined(separator: "; "))},
              abstract = {\(record.abstract ?? "")},
            }
            """
    }
}
