import Configuration
import Foundation
import OstromCore

/// A query given on the command line, run over a library: its words go to
/// the search index, its `tag:`, `starred:`, `note:`, `added:`, `stage:`,
/// `level:` and `principle:` words to the user's state and the records'
/// places on the ladder.
struct CommandLineQuery {
    let index: SearchIndex
    let hits: [SearchHit]
    let matchTerms: MatchTerms
    /// The query's words that matched only words close to them.
    let approximateWords: [String]

    /// A malformed or empty query ends the command with exit code 2.
    init(_ text: String, records: [Record]) throws {
        let query: FinishedQuery
        do {
            // The config file's search settings, as the browser's.
            query = try FinishedQuery(text, allowsTypos: Config.load(environment: ProcessEnvironment.variables).allowsTypos)
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
        index = SearchIndex(records: records)
        let saved = query.state.isEmpty ? nil : UserLibrary.state()
        let placements = query.state.isEmpty ? nil : PlacementCache(records: records)
        if query.state.needsPlacements { placements?.analyseAll() }
        (hits, matchTerms, approximateWords) = query.hits(in: index) { record in
            guard let saved, let placements else { return true }
            let annotation = saved.annotations[records[record].id]
            return query.state.admits(annotation, added: saved.addedDays[records[record].id]) {
                annotation.placement ?? placements.summary(of: record).suggestion
            }
        }
    }
}
