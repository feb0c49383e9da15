import ArgumentParser
import BrowserUI
import Foundation
import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// Composes and diffs full frames of the browser, as each key press does,
/// and prints the median and 99th percentile.
struct FrameBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "frame", abstract: "Compose + diff of a browser frame.")

    @Option(help: "Frame width in columns.") var width = 200
    @Option(help: "Frame height in rows.") var height = 60
    @Option(help: "Frames to measure per scenario.") var frames = 2000
    @Option(help: "Generated records listed after the built-in ones (a large library's frames).") var records = 0
    @Option(help: "Only the scenarios whose name starts so (to profile one).") var only = ""
    @Flag(help: "The generated records' long texts kept together and compressed, as the browser keeps a large file's.") var compressedTexts = false

    func run() throws {
        let now = LocalDateTime.now()
        var generated = SyntheticLibrary.records(count: records)
        if compressedTexts {
            LongTextStore.keep(&generated)
            LongTextStore.compress(textsOf: generated)
        }
        let library = Library.builtIn().records + generated
        let base = AppState(records: library, ladder: LadderModel.builtIn(), now: now, size: (width, height))
        print("frame \(width)×\(height), \(library.count) records, \(frames) frames per scenario (compose = render state into a grid; diff = cells to write)")
        print("scenario                         compose p50   p99     diff p50   p99     total p50   p99")
        let down: [KeyPress] = [.character("j"), .character("j"), .character("k"), .character("k")]
        let scenarios: [(String, [KeyPress], [KeyPress])] = [
            ("papers, tuurnas2016 ↔ body2021", [.character("1")], [.character("j"), .character("k")]),
            ("ladder, moving selection", [.character("4")], down),
            // The same once every record is placed, then down a long "Placed here".
            ("ladder placed, moving selection", [.character("4")], down),
            ("ladder placed, its Placed here", [.character("4"), .character("j"), .tab], down),
            ("transcript reader, paging", [.character("3"), .enter], [.character(" "), .character("b")]),
            ("papers, starred only", [.character("1"), .character("m"), .character("j"), .character("m"), .character("*")],
             [.character("j"), .character("k")]),
            // A search kept: to its last hit (all of them ranked the first time) and back.
            ("searched, bottom and top", [.character("1"), .character("/")] + "coproduction".map(KeyPress.character) + [.enter],
             [.character("G"), .character("g")]),
            // Typed and rubbed out at the prompt, each key searching the papers.
            ("search prompt, typing partic", [.character("1"), .character("/")],
             "partic".map(KeyPress.character) + Array(repeating: .backspace, count: 6)),
        ]
        for (name, setup, cycle) in scenarios where name.hasPrefix(only) {
            var state = base
            while name.hasPrefix("search") && !state.searchIndex.isReady { usleep(1_000) }
            if name.hasPrefix("ladder placed") { state.placements.analyseAll() }
            let settingUp = DispatchTime.now().uptimeNanoseconds
            for key in setup {
                state.handle(key)
                while state.hasRunningWork { _ = state.tick(); usleep(100) }
            }
            let setUp = Double(DispatchTime.now().uptimeNanoseconds - settingUp) / 1_000_000
            // The starred records are found once the records are indexed by id (on another thread for many).
            while name.contains("starred") && state.listing(in: .papers).isEmpty { _ = state.tick(); usleep(1_000) }
            let ready = Double(DispatchTime.now().uptimeNanoseconds - settingUp) / 1_000_000
            var previous = FrameComposer.compose(state)
            var handle: [UInt64] = []
            var compose: [UInt64] = []
            var diff: [UInt64] = []
            var listed: [UInt64] = []
            var cellsWritten = 0
            for index in 0..<frames {
                let pressed = DispatchTime.now().uptimeNanoseconds
                state.handle(cycle[index % cycle.count])
                let answered = DispatchTime.now().uptimeNanoseconds
                handle.append(answered - pressed)
                // A large library's search runs on another thread: its hits come on a tick.
                while state.hasRunningWork { _ = state.tick(); usleep(100) }
                let start = DispatchTime.now().uptimeNanoseconds
                listed.append(start - pressed)
                let grid = FrameComposer.compose(state)
                let composed = DispatchTime.now().uptimeNanoseconds
                let runs = FrameDiff.runs(from: previous, to: grid)
                let diffed = DispatchTime.now().uptimeNanoseconds
                cellsWritten += runs.reduce(0) { $0 + $1.cells.count }
                compose.append(composed - start)
                diff.append(diffed - composed)
                previous = grid
            }
            let total = zip(compose, diff).map { $0 + $1 }
            print(name.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + " " + Self.figures(compose) + "   " + Self.figures(diff) + "   " + Self.figures(total)
                  + "   (\(cellsWritten / frames) cells written per frame; the key itself \(Self.figures(handle)), listed after \(Self.figures(listed)); the keys before \(String(format: "%.1f", setUp)) ms, ready after \(String(format: "%.1f", ready)) ms)")
        }
    }

    /// "0.41 ms  0.62 ms": median and 99th percentile.
    static func figures(_ samples: [UInt64]) -> String {
        let sorted = samples.sorted()
        let p50 = Double(sorted[sorted.count / 2]) / 1_000_000
        let p99 = Double(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) / 1_000_000
        return String(format: "%6.3f ms %6.3f ms", p50, p99)
    }
}
