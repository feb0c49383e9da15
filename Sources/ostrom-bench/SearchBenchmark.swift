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

    @Option(name: .customLong("query"), help: "Queries to type (repeatable; the six built in by default).")
    var typedQueries: [String] = SearchBenchmark.queries

    @Option(help: "Times each query is typed from nothing; each keystroke's median is kept, so that a pause of the machine is not taken for the search's.")
    var runs = 3

    @Flag(help: "Print each keystroke's time.")
    var detail = false

    /// Hits whose snippet the prompt shows at once, per keystroke.
    static let visibleHits = 20

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        for count in records.sorted() {
            let library = SyntheticLibrary.records(count: count)
            let corpusBytes = library.reduce(0) { total, record in
                total + SearchField.allCases.reduce(0) { $0 + $1.texts(of: record).reduce(0) { $0 + $1.utf8.count } }
            }
            // What the library holds, not the generator's garbage: give freed
            // memory back and restart the peak count before indexing.
            FreedMemory.giveBack()
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
            var all: [ProcessCost] = []
            // The Search tab's list of the hits, as the browser makes it; the list shown is held until the next.
            let tabHits = TabHits(tab: .search, kindPositions: RecordsInBackground.Part.kindPositions(of: library[...]),
                                  memory: ArrayMemory(capacity: 3, newestIsHeld: true))
            var shown: [Int] = []
            for query in typedQueries {
                // Each run types the query from nothing, keystroke by keystroke, as the prompt
                // searches it; a keystroke's figure is its median over the runs.
                var costs = [[ProcessCost]](repeating: [], count: query.count)
                var hits = [Int](repeating: 0, count: query.count)
                for _ in 0..<runs {
                    index.forgetQueries()
                    for length in 1...query.count {
                        costs[length - 1].append(ProcessCost.measure {
                            hits[length - 1] = Self.keystroke(String(query.prefix(length)), cursor: length, index: index, tabHits: tabHits,
                                                              shown: &shown)
                        })
                    }
                }
                let medians = costs.map(ProcessCost.median)
                if detail {
                    for (length, cost) in medians.enumerated() {
                        print("    " + String(query.prefix(length + 1)).padding(toLength: 30, withPad: " ", startingAt: 0)
                              + String(format: " %7.2f ms  %d hits  (processor %.2f ms, %d page faults)", Double(cost.nanoseconds) / 1e6,
                                       hits[length], Double(cost.processorNanoseconds) / 1e6, cost.faults))
                    }
                }
                all += medians
                print("  " + query.padding(toLength: 30, withPad: " ", startingAt: 0)
                      + " keystroke " + Self.figures(medians) + "  (\(hits.last ?? 0) hits at the end)")
            }
            print("  all keystrokes                 keystroke " + Self.figures(all))
        }
    }

    /// What the prompt does on a keystroke: the query read as typed so
    /// far, searched, its hits listed in the tab, and the snippets of the
    /// hits it shows; how many hits.
    static func keystroke(_ typed: String, cursor: Int, index: SearchIndex, tabHits: TabHits, shown: inout [Int]) -> Int {
        guard let parsed = try? SearchQuery.parse(SearchQuery.typed(typed, cursor: cursor), typing: true) else { return 0 }
        let results = index.search(parsed, ranked: AppState.rankAhead)
        shown = tabHits(results)
        for hit in results.hits.prefix(visibleHits) {
            _ = Snippet.best(for: index.records[hit.record], matching: results.matchTerms)
        }
        return results.hits.count
    }

    /// The p50 and p99 of the keystrokes' times, and of their processor times.
    static func figures(_ costs: [ProcessCost]) -> String {
        func percentiles(_ values: [UInt64]) -> (Double, Double) {
            let sorted = values.sorted()
            return (Double(sorted[sorted.count / 2]) / 1e6, Double(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) / 1e6)
        }
        let (p50, p99) = percentiles(costs.map(\.nanoseconds))
        let (processor50, processor99) = percentiles(costs.map(\.processorNanoseconds))
        return String(format: "p50 %7.2f ms  p99 %7.2f ms  (processor p50 %.2f ms, p99 %.2f ms)", p50, p99, processor50, processor99)
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
