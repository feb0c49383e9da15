import ArgumentParser
import BrowserUI
import Foundation
import OstromCore
import SyntheticLibrary

/// Builds the index over generated libraries and replays typed queries
/// one keystroke at a time, as the search prompt does.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Index build, memory and per-keystroke search latency.")

    @Option(parsing: .upToNextOption, help: "Library sizes, smallest first (peak memory is the process's).")
    var records: [Int] = [10_000, 100_000]

    /// A word, a prefix, a typo, a field query, a phrase, and a mix.
    static let queries = ["coproduction", "partic", "accountabilty", "author:muller year:>2010", "\"public services\"",
                          "volunteers -health kind:paper"]

    /// Hits whose snippet the prompt shows at once, per keystroke.
    static let visibleHits = 20

    func run() throws {
        for count in records.sorted() {
            let library = SyntheticLibrary.records(count: count)
            let corpusBytes = library.reduce(0) { total, record in
                total + SearchField.allCases.reduce(0) { $0 + $1.texts(of: record).reduce(0) { $0 + $1.utf8.count } }
            }
            // What the library holds, not the generator's garbage: give freed
            // memory back and restart the peak count before indexing.
            _ = releaseFreedMemory(0)
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            let before = Self.memory("VmRSS:")
            let start = DispatchTime.now().uptimeNanoseconds
            let index = SearchIndex(records: library)
            let built = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let after = Self.memory("VmRSS:")
            let peak = Self.memory("VmHWM:")
            print("\(count) records, \(corpusBytes / 1_000_000) MB of indexed text")
            print(String(format: "  index build %.2f s; peak memory %d MB (%.1f× the text): records %d MB, index %d MB",
                         built, peak / 1_000_000, Double(peak) / Double(corpusBytes), before / 1_000_000, (after - before) / 1_000_000))
            var all: [UInt64] = []
            for query in Self.queries {
                var samples: [UInt64] = []
                var hits = 0
                for length in 1...query.count {
                    let typed = String(query.prefix(length))
                    let begin = DispatchTime.now().uptimeNanoseconds
                    if let parsed = try? SearchQuery.parse(SearchQuery.typed(typed, cursor: length), typing: true) {
                        let results = index.search(parsed, ranked: AppState.rankAhead)
                        for hit in results.hits.prefix(Self.visibleHits) {
                            _ = Snippet.best(for: index.records[hit.record], matching: results.matchTerms)
                        }
                        hits = results.hits.count
                    }
                    samples.append(DispatchTime.now().uptimeNanoseconds - begin)
                }
                all += samples
                print("  " + query.padding(toLength: 30, withPad: " ", startingAt: 0)
                      + " keystroke " + Self.figures(samples) + "  (\(hits) hits at the end)")
            }
            print("  all keystrokes                 keystroke " + Self.figures(all))
        }
    }

    static func figures(_ samples: [UInt64]) -> String {
        let sorted = samples.sorted()
        let p50 = Double(sorted[sorted.count / 2]) / 1e6
        let p99 = Double(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) / 1e6
        return String(format: "p50 %7.2f ms  p99 %7.2f ms", p50, p99)
    }

    /// A memory figure of this process from /proc (VmHWM is the peak
    /// resident size, VmRSS the current one), in bytes.
    static func memory(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}

/// glibc's malloc_trim (malloc.h is not in the Glibc module).
@_silgen_name("malloc_trim")
private func releaseFreedMemory(_ pad: Int) -> Int32
