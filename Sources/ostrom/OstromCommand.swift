import ArgumentParser
import OstromCore

/// `ostrom`: the command line; with no subcommand it runs `browse`.
struct OstromCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ostrom",
        abstract: "Browse the literature and practice of co-production of public services.",
        discussion: "Exit codes: 0 ok, 1 nothing found, 2 bad usage or unreadable input.",
        subcommands: [BrowseCommand.self, ListCommand.self, ShowCommand.self, LadderCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}

/// `ostrom [browse] [PATH...]`: the browser on the library (or the files
/// given). Until the terminal browser lands it prints the list.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "Open the browser (the default).")

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let records = try library.load().records
        Console.print(RecordTable.lines(for: records, width: Console.outputWidth).joined(separator: "\n"))
    }
}
