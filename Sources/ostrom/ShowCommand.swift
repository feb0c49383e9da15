import ArgumentParser
import OstromCore

/// `ostrom show ID`: one record in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one record in full.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The record's id, as `ostrom list` shows it.")
    var id: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let loaded = try library.load()
        guard let record = loaded.record(withID: id) else {
            throw CommandFailure(code: 1, message: "no record with id “\(id)” (see `ostrom list`)")
        }
        switch format {
        case .text: Console.print(RecordText.render(record, now: .now(), width: min(Console.outputWidth ?? 80, 100)), terminator: "")
        case .json: Console.print(RecordJSON.value(of: record, now: .now()).serialized())
        }
    }
}
