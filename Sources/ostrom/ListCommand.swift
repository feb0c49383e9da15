import ArgumentParser
import OstromCore

/// `ostrom list`: the records, as a table or JSON; chosen, sorted and cut.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the records.",
        discussion: """
            --query takes what `ostrom search` takes and lists the hits best first, unless --sort is given. \
            JSON carries your state: starred, tags, note, and the day a record was added to your library.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "Only records of this kind (paper, event, transcript, note).")
    var kind: RecordKind?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    // Unconditional: `--sort -year` is a value, not an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("The order: year, author, title, added, citations; -year for newest first (any key reverses with -).",
                               valueName: "key"))
    var sort: RecordSort?

    @Flag(help: "Only starred records.")
    var starred = false

    @Option(name: .customLong("tag"), help: "Only records with this tag (repeatable: all of them).")
    var tags: [String] = []

    @Option(help: "Only records that match this query (as `ostrom search`).")
    var query: String?

    @Option(help: "At most this many records.")
    var limit: Int?

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        var records = try library.load().records
        if let query { records = try CommandLineQuery(query, records: records).hits.map { records[$0.record] } }
        if let kind { records = records.filter { $0.kind == kind } }
        let needsState = starred || !tags.isEmpty || sort?.key == .added || format == .json
        let saved = needsState ? UserLibrary.state() : SavedState()
        if starred || !tags.isEmpty {
            records = records.filter { record in
                let annotation = saved.annotations[record.id]
                return (!starred || annotation.starred) && tags.allSatisfy(annotation.tags.contains)
            }
        }
        if let sort { records = sort.order(records, added: saved.addedDays).map { records[$0] } }
        if let limit { records = Array(records.prefix(limit)) }
        guard !records.isEmpty else { throw CommandFailure(code: 1, message: "no records") }
        switch format {
        case .table: Console.print(RecordTable.lines(for: records, width: Console.outputWidth).joined(separator: "\n"))
        case .json:
            let listed = records
            Console.printJSONArray(count: listed.count) { saved.json(listed[$0]) }
        }
    }
}

extension RecordKind: ExpressibleByArgument {}

extension RecordSort: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public static var allValueStrings: [String] { names }
}
