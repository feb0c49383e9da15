import ArgumentParser
import Foundation
import OstromCore

/// `ostrom`: the command line; with no subcommand it runs `browse`.
struct OstromCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ostrom",
        abstract: "Browse the literature and practice of co-production of public services.",
        discussion: "Exit codes: 0 ok, 1 nothing found, 2 bad usage or unreadable input.",
        subcommands: [BrowseCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, LadderCommand.self, PageCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}

/// `ostrom [browse] [PATH...]`: the browser on the library (or the files
/// given); when stdin or stdout is not a terminal, the list instead.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the browser (the default). Prints the list when not on a terminal.")

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let records = try library.load().records
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Console.print(RecordTable.lines(for: records, width: nil).joined(separator: "\n"))
            return
        }
        try BrowserSession.run(records: records)
    }
}
