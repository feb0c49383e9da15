import ArgumentParser
import OstromCore

/// `ostrom-bench`: performance figures for the README, measured, never
/// asserted in unit tests.
struct OstromBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ostrom-bench",
        abstract: "Measure ostrom's performance.",
        subcommands: [FrameBenchmark.self, SearchBenchmark.self, PagerBenchmark.self, BibTeXBenchmark.self, PlacementBenchmark.self, LibraryBenchmark.self,
                      StartBenchmark.self, SortBenchmark.self, MemoryBenchmark.self, LoadingBenchmark.self,
                      GenerateCommand.self]
    )
}

// As ostrom itself allocates.
FreedMemory.keepLargeBlocksApart()
OstromBench.main()
