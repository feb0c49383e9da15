import ArgumentParser
import OstromCore

/// `ostrom search QUERY`: ranked hits across every kind.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the library.",
        discussion: """
            Terms must all match, each also in its other English forms; word* for the words it begins; \
            "a phrase"; -term excludes; a OR b; fields title: author: \
            abstract: body: venue: kind: type: year:2016 year:2015..2020 year:>2018 doi:; \
            from your state tag:NAME starred:yes note:WORD added:>2026-01-01 (also added:2026-03, added:2026-01..2026-06), \
            and the place on the ladder stage:with level:transformative \
            principle:"peer support" (each also as -field: to exclude). \
            Exit 1 when nothing matches, 2 on a malformed query.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The query (quote it when it has spaces).") var query: String
    @Option(help: "Output format: table or json.") var format: Format = .table
    @Option(help: "At most this many hits.") var limit: Int = 20
    @OptionGroup var library: LibraryOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let results = try CommandLineQuery(query, records: try library.load().records)
        let index = results.index
        guard !results.hits.isEmpty else { throw CommandFailure(code: 1, message: "nothing matches “\(query)”") }
        let hits = Array(results.hits.prefix(limit))
        if let note = FinishedQuery.approximateNote(results.approximateWords) { Console.error(note) }
        switch format {
        case .json:
            let (matchTerms, annotations) = (results.matchTerms, UserLibrary.state().annotations)
            Console.printJSONArray(count: hits.count) { SearchJSON.item(of: hits[$0], in: index, matchTerms: matchTerms, annotations: annotations) }
        case .table:
            for hit in hits {
                let record = index.records[hit.record]
                let score = String(Double(Int((hit.score * 100).rounded())) / 100)
                Console.print(TerminalSafeText.sanitize("\(record.id)  \(record.kind.rawValue)  \(score)  \(record.displayTitle)"))
                Console.print("    " + TerminalSafeText.sanitize(Snippet.best(for: record, matching: results.matchTerms).marked))
            }
        }
    }
}
