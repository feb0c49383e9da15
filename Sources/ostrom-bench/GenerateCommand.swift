import ArgumentParser
import Foundation
import SyntheticLibrary

/// Writes the generated library as BibTeX, for measuring other programs
/// on the same file (`Scripts/compare-peers.sh`).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a generated library as a .bib file.")

    @Option(help: "Entries in the file.") var entries = 100_000
    @Option(help: "Where to write it.") var output: String

    func run() throws {
        try GeneratedFile.write(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: entries)), to: output)
    }
}
