import ArgumentParser
import Foundation
import LibraryStore
import OstromCore
import SyntheticLibrary

/// The user library at scale: a large generated `.bib` imported into an
/// empty library, imported again (every record a duplicate), and the
/// library read back as the browser and `list` read it at start.
struct LibraryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "library", abstract: "Import a large .bib into the library, again, and read it back.")

    @Option(help: "Entries in the generated file.") var entries = 100_000

    func run() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-mixed-\(entries).bib")
        if !FileManager.default.fileExists(atPath: file.path) {
            try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: entries)).utf8).write(to: file)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-library-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }

        func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try body()
            return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        for pass in ["into an empty library", "again (all duplicates)"] {
            let ((plan, parse), total) = try timed { () throws -> (ImportPlan, Double) in
                let (loaded, parse) = try timed { try Library.load(paths: [file.path]) }
                return (try LibraryStore(folder: folder, stateFolder: nil).importRecords(loaded.records), parse)
            }
            print(String(format: "import %@: %.2f s (%.2f s reading the file, %.2f s the library): added %d, updated %d, skipped %d",
                         pass, total, parse, total - parse, plan.count(.add), plan.count(.update), plan.count(.skip)))
        }
        let size = (try FileManager.default.attributesOfItem(atPath: folder + "/" + LibraryStore.fileName)[.size] as? Int) ?? 0
        let (records, read) = try timed { try LibraryStore(folder: folder, stateFolder: nil).records() }
        let (library, withBuiltIn) = timed { Library.builtIn().adding(records) }
        print(String(format: "read back: %d records from %d MB in %.2f s; with the built-in corpus and ids %.2f s more (%d records)",
                     records.count, size >> 20, read, withBuiltIn, library.records.count))
    }
}
