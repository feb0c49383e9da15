import ArgumentParser
import BrowserUI
import Foundation
import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// The main loop's work for each part of a large library read after the
/// first screen, as the user library's reader delivers them: the part
/// appended, filed by kind, and the tab's search listed among the records
/// read so far (`tag:care` by default: state words alone, which read each
/// record's annotation). With `--file`, a file read as the browser reads
/// it, the main loop ticking every 20 ms: when its first records are
/// listed, how long each tick takes, when it is all read.
struct LoadingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "loading", abstract: "The main loop's tick for each part of a library read in parts, or of a file read.")

    @Option(help: "A file to read as the browser does (its records listed as they are made), instead of generated parts.")
    var file: String?

    @Option(help: "Generated records in all.") var records = 300_000
    @Option(help: "Records a part (the user library's reader delivers 10 000).") var part = 10_000
    @Option(help: "The Papers tab's search while the parts come (empty: none).") var query = "tag:care"
    @Flag(help: "An index of every record kept from the last start, without its records (a search of words then answers before they are read, and its hits are ordered by proximity once they are).")
    var keptIndex = false

    func validate() throws {
        guard part > 0, records > part else { throw ValidationError("--records must be more than one --part, and --part at least 1") }
    }

    func run() throws {
        if let file { return read(file) }
        let all = SyntheticLibrary.records(count: records)
        let first = Array(all.prefix(part))
        let mailbox = RecordsInBackground(total: all.count)
        let index = keptIndex ? SearchIndex(records: all).with(records: []) : SearchIndex(records: [])
        var state = AppState(records: first, ladder: nil, now: .now(), size: (200, 60), index: IndexInBackground(index: index))
        state.loading = mailbox
        // One record in a hundred tagged.
        state.annotations = Annotations(byRecord: Dictionary(uniqueKeysWithValues: stride(from: 0, to: all.count, by: 100).map {
            (all[$0].id, Annotation(tags: ["care"]))
        }))
        if !query.isEmpty {
            for key in [.character("/")] + query.map(KeyPress.character) + [.enter] as [KeyPress] { state.handle(key) }
        }
        var ticks: [Double] = []
        for start in stride(from: part, to: all.count, by: part) {
            mailbox.deliver(RecordsInBackground.Part(records: Array(all[start..<min(all.count, start + part)])))
            if start + part >= all.count { mailbox.finish() }
            let began = DispatchTime.now().uptimeNanoseconds
            _ = state.tick()
            ticks.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6)
        }
        let sorted = ticks.sorted()
        print(String(format: "%d records in parts of %d, %@: a part's tick p50 %.2f ms, the first %.2f ms, the last %.2f ms, the slowest %.2f ms, %.0f ms in all (%d hits)",
                     records, part, query.isEmpty ? "no search" : "searched \(query)" as NSString, sorted[sorted.count / 2], ticks.first ?? 0,
                     ticks.last ?? 0, sorted.last ?? 0, ticks.reduce(0, +), state.filters[.papers]?.hits.count ?? 0))
    }

    /// The file read on another thread, the state ticking as the browser's does.
    private func read(_ path: String) {
        let began = DispatchTime.now().uptimeNanoseconds
        let seconds = { Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9 }
        let (mailbox, index) = RecordsInBackground.reading([path], source: RawPath.lastComponent(of: path))
        var state = AppState(records: [], ladder: nil, now: .now(), size: (200, 60), index: index)
        state.loading = mailbox
        var ticks: [Double] = []
        var firstListed: Double?
        var listedWhileRead = 0
        while state.loading != nil {
            usleep(20_000)
            let tick = DispatchTime.now().uptimeNanoseconds
            _ = state.tick()
            ticks.append(Double(DispatchTime.now().uptimeNanoseconds - tick) / 1e6)
            if state.loading != nil { listedWhileRead = state.records.count }
            if firstListed == nil, !state.records.isEmpty { firstListed = seconds() }
        }
        let read = seconds()
        let sorted = ticks.sorted()
        print(String(format: "%@: %d records; the first listed after %.2f s, %d listed before it was all read after %.2f s; %d ticks: p50 %.2f ms, p99 %.2f ms, the slowest %.2f ms, the last %.2f ms",
                     RawPath.lastComponent(of: path) as NSString, state.records.count, firstListed ?? read, listedWhileRead, read, ticks.count,
                     sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)], sorted.last ?? 0, ticks.last ?? 0))
    }
}
