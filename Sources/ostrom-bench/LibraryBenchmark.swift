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
    @Option(help: "Keep the library in this folder, and only measure its start when it is there already.")
    var folder: String?

    func run() throws {
        let file = try GeneratedFile.cachedBibTeX(entries: entries)
        if let folder, FileManager.default.fileExists(atPath: folder + "/" + LibraryStore.fileName) {
            return try searchableAfterStart(folder: folder)
        }
        let folder = self.folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-library-\(UUID().uuidString)").path
        defer { if self.folder == nil { try? FileManager.default.removeItem(atPath: folder) } }

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
        try searchableAfterStart(folder: folder)
    }

    /// When the browser could answer a search: its start with the index
    /// built (no kept index file yet), then with the index the first kept.
    private func searchableAfterStart(folder: String) throws {
        let builtIn = Library.builtIn().records
        let indexPath = try LibraryStore(folder: folder, stateFolder: nil).indexPath
        for _ in 0..<2 {
            let pass = FileManager.default.fileExists(atPath: indexPath) ? "kept from the last start" : "built"
            let started = DispatchTime.now().uptimeNanoseconds
            let store = try LibraryStore(folder: folder, stateFolder: nil)
            let start = try LibraryStart(store: store, builtIn: builtIn, program: "ostrom-bench")
            let firstScreen = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let hits = start.index?.index.search(try SearchQuery.parse("participation"), ranked: 50).hits.count ?? 0
            let answered = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            print(String(format: "browser start, index %@: first records after %.3f s, a search answered after %.2f s (%d hits)",
                         pass, firstScreen, answered, hits))
            // The first start writes the index on another thread: wait for it.
            let deadline = Date().addingTimeInterval(60)
            while !FileManager.default.fileExists(atPath: indexPath) && Date() < deadline { usleep(50_000) }
        }
        let indexSize = (try FileManager.default.attributesOfItem(atPath: indexPath)[.size] as? Int) ?? 0
        print("kept index file: \(indexSize >> 20) MB")
    }
}
