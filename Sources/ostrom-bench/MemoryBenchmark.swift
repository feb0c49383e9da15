import ArgumentParser
import Foundation
import OstromCore
import SyntheticLibrary

/// What a large file costs the browser in memory: read as `ostrom big.bib`
/// reads it (the long texts kept together as the records are made), then
/// the search index built, the long texts compressed as it is (or after
/// it, with `--compressed-after`, as before session 20); the resident size
/// after each step, once what was freed is given back, and its peak during
/// the step (the high-water mark set back before it, `/proc/self/clear_refs`).
struct MemoryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "memory", abstract: "Memory of a large generated .bib file's records and index, as the browser keeps them.")

    @Option(help: "Entries in the generated file.") var entries = 100_000
    @Flag(help: "Read the file as before session 18: each text a string of its own, never compressed.") var ownTexts = false
    @Flag(help: "Compress the long texts once the index is built, not as it is (as before session 20).") var compressedAfter = false

    func run() throws {
        let file = try GeneratedFile.cachedBibTeX(entries: entries)
        let size = (try FileManager.default.attributesOfItem(atPath: file.resolvingSymlinksInPath().path)[.size] as? Int) ?? 0
        FreedMemory.giveBack()
        let base = SearchBenchmark.memory("VmRSS:")
        func step(_ name: String, _ work: () -> Void) {
            // The peak of this step alone: the kernel's high-water mark set back to what is resident.
            if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
                handle.write(Data("5".utf8))
                try? handle.close()
            }
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            FreedMemory.giveBack()
            let kept = SearchBenchmark.memory("VmRSS:") - base
            let peak = SearchBenchmark.memory("VmHWM:") - base
            print("  " + name.padding(toLength: 38, withPad: " ", startingAt: 0)
                  + String(format: "%6.2f s; kept %4d MiB (%.2f× the file), peak %4d MiB (%.2f×)",
                           seconds, kept >> 20, Double(kept) / Double(size), peak >> 20, Double(peak) / Double(size)))
        }
        print("\(entries) entries, \(size >> 20) MiB, \(ownTexts ? "each text a string of its own" : "long texts kept together"):")
        var library = Library()
        step("read") { library = (try? Library.load(paths: [file.path], keepsLongTexts: !ownTexts)) ?? Library() }
        var index: SearchIndex?
        let stores = LongTextStore.stores(of: library.records)
        if stores.isEmpty || compressedAfter {
            step("index built") { index = SearchIndex(records: library.records) }
            guard !stores.isEmpty else { return withExtendedLifetime(index) {} }
            step("long texts compressed") { LongTextStore.compress(textsOf: library.records) }
        } else {
            step("index built, texts compressed as it is") {
                let texts = TextsCompressedAsIndexed(records: library.records)
                index = SearchIndex(records: library.records, indexed: texts.indexed)
                texts.finish()
            }
        }
        let sizes = stores.map(\.sizes)
        let text = sizes.reduce(0) { $0 + $1.text }
        let compressed = sizes.reduce(0) { $0 + ($1.compressed ?? 0) }
        print(String(format: "  %d stores: %d MiB of long texts in %d MiB (%.2f×)", stores.count, text >> 20, compressed >> 20,
                     Double(text) / Double(max(1, compressed))))
        withExtendedLifetime(index) {}
    }
}
