import ArgumentParser
import OstromCore

/// `ostrom list`: the records, as a table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the records.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "Only records of this kind (paper, event, transcript, note).")
    var kind: RecordKind?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let records = try library.load().records.filter { kind == nil || $0.kind == kind }
        guard !records.isEmpty else { throw CommandFailure(code: 1, message: "no records") }
        switch format {
        case .table: Console.print(RecordTable.lines(for: records, width: Console.outputWidth).joined(separator: "\n"))
        case .json: Console.print(RecordJSON.value(of: records, now: .now()).serialized())
        }
    }
}

extension RecordKind: ExpressibleByArgument {}
