import ArgumentParser
import Foundation
import OstromCore
import SyntheticLibrary

/// Orders a generated library in each of the orders `S` steps through,
/// as the browser does when a tab is sorted.
struct SortBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sort", abstract: "Sort a generated library in each order.")

    @Option(help: "Records in the generated library.") var records = 100_000
    @Option(help: "Times each order is measured (the median is printed).") var runs = 3

    func run() throws {
        let library = SyntheticLibrary.records(count: records)
        let added = Dictionary(uniqueKeysWithValues: library.enumerated().map { ($1.id, "2026-\(10 + $0 % 3)-\(10 + $0 % 19)") })
        print("\(records) records, median of \(runs) runs")
        for sort in RecordSort.cycle {
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                let order = sort.order(library, added: added)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                precondition(order.count == library.count)
            }
            print(sort.name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", times.sorted()[runs / 2]))
        }
    }
}
