import ArgumentParser
import BrowserUI
import Foundation
import OstromCore
import TerminalCanvas
import SyntheticLibrary
import TmuxHarness

/// A large generated file: the first screen, `G`, and finding a word near
/// the end; measured inside ostrom's engine, then for the real `ostrom page`
/// and for `less` through the same tmux harness, side by side.
struct PagerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pager", abstract: "First screen, G and a search on a big file, against less.")

    @Option(help: "Size of the generated file in MB.") var megabytes = 200
    @Option(help: "Runs per program in the tmux harness (the median is shown).") var runs = 3

    static let marker = "zyzzyva"

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-pager-bench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("big-\(megabytes)mb.txt")
        let lastLine = try SyntheticLibrary.writeBigText(to: file, megabytes: megabytes, marker: Self.marker)
        print("\(megabytes) MB file, \(lastLine) lines; the word “\(Self.marker)” stands at 99%")

        try engine(file)

        print("through tmux (100×30, polling the screen every 2 ms), median of \(runs) runs:")
        print("program        first screen        G    find at 99%")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ostrom").path
        for (name, command) in [("ostrom page", "'\(binary)' page '\(file.path)'"), ("less", "LESSHISTFILE=- less '\(file.path)'")] {
            var samples: [[Double]] = []
            for _ in 0..<runs { samples.append(try Self.harness(command, lastLine: lastLine)) }
            let medians = (0..<3).map { column in samples.map { $0[column] }.sorted()[samples.count / 2] }
            print(name.padding(toLength: 12, withPad: " ", startingAt: 0)
                  + String(format: "%10.0f ms %8.0f ms %10.0f ms", medians[0], medians[1], medians[2]))
        }
    }

    /// ostrom's own costs, without a terminal: open and lay out the first
    /// frame, lay out the end, find the word, and the line index's size.
    private func engine(_ file: URL) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let text = try PagedText(path: file.path)
        var state = AppState(records: [], ladder: nil, now: .now(), size: (100, 30))
        state.openPager(PagerState(title: file.lastPathComponent, text: text))
        _ = FrameComposer.compose(state)
        let opened = DispatchTime.now().uptimeNanoseconds
        state.handle(.character("G"))
        _ = FrameComposer.compose(state)
        let ended = DispatchTime.now().uptimeNanoseconds
        let search = TextSearch(pattern: Self.marker, text: text)
        search.start(from: 0, forward: true)
        while search.current == nil { usleep(100) }
        let found = DispatchTime.now().uptimeNanoseconds
        let index = LineIndex(text: text)
        let countStart = DispatchTime.now().uptimeNanoseconds
        index.build()
        let counted = DispatchTime.now().uptimeNanoseconds
        let indexBytes = (index.progress.lines / LineIndex.checkpointInterval + 1) * MemoryLayout<Int>.stride
        print(String(format: "ostrom engine: first screen %.2f ms, G %.2f ms, find at 99%% %.1f ms; counting all lines %.0f ms, line index %d KB (%.4f%% of the file)",
                     Double(opened - start) / 1e6, Double(ended - opened) / 1e6, Double(found - ended) / 1e6,
                     Double(counted - countStart) / 1e6, indexBytes / 1024, Double(indexBytes) * 100 / Double(text.count)))
    }

    /// Milliseconds until the first screen, the end after `G`, and the
    /// match after `/word`, as a person at the terminal would see them.
    private static func harness(_ command: String, lastLine: Int) throws -> [Double] {
        let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }
        let start = clock()
        let session = try TmuxSession(command: command)
        try session.waitFor("first screen", timeout: 60, interval: 2000) { $0.contains("0000001 ") }
        let first = clock() - start
        let beforeEnd = clock()
        try session.send("G")
        try session.waitFor("the end", timeout: 60, interval: 2000) { $0.contains(String(format: "%07d ", lastLine)) }
        let end = clock() - beforeEnd
        try session.send("g")
        try session.waitFor("the top again", timeout: 60, interval: 2000) { $0.contains("0000001 ") }
        let beforeFind = clock()
        try session.send("/" + marker, "Enter")
        try session.waitFor("the match", timeout: 60, interval: 2000) { screen in
            screen.split(separator: "\n").dropLast().contains { $0.contains(marker) }
        }
        let find = clock() - beforeFind
        try session.send("q")
        return [first, end, find]
    }
}
