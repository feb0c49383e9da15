import ArgumentParser
import OstromCore

/// `ostrom export`: records as BibTeX, RIS, CSL-JSON, JSON or an APA
/// reference list, to stdout.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write records as BibTeX, RIS, CSL-JSON, JSON or a Markdown (APA) reference list.",
        discussion: "With no ids and no --query, every record. Exit 1 when an id is unknown or nothing matches, 2 on a malformed query.")

    @Option(help: "bibtex, ris, csljson, json or markdown.") var format: ExportFormat
    @Option(help: "Only the records this search query matches, best first.") var query: String?
    @Option(name: .customLong("from"), help: "A file or folder to export from instead of the default library (repeatable).")
    var sources: [String] = []
    @Argument(help: "Ids of the records to export, as `ostrom list` shows them.") var ids: [String] = []

    func run() throws {
        var records = try LibraryOptions(paths: sources).load().records
        if !ids.isEmpty {
            let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            if let unknown = ids.first(where: { byID[$0] == nil }) {
                throw CommandFailure(code: 1, message: "no record with id “\(unknown)” (see `ostrom list`)")
            }
            records = ids.compactMap { byID[$0] }
        }
        if let query { records = try matching(query, in: records) }
        let now = LocalDateTime.now()
        let chosen = records
        // JSON is streamed; terminal-safe as it is: every control and bidi character is escaped.
        if format == .json {
            Console.printJSONArray(count: chosen.count) { RecordJSON.value(of: chosen[$0], now: now) }
        } else if format == .csljson {
            Console.printJSONArray(count: chosen.count) { CSLJSONExporter.item(chosen[$0]) }
        } else {
            Console.printDocument(format.document(of: records, now: now))
        }
    }

    private func matching(_ query: String, in records: [Record]) throws -> [Record] {
        let results = try CommandLineQuery(query, records: records)
        let hits = results.hits
        guard !hits.isEmpty else { throw CommandFailure(code: 1, message: "nothing matches “\(query)”") }
        return hits.map { records[$0.record] }
    }
}

extension ExportFormat: ExpressibleByArgument {}
