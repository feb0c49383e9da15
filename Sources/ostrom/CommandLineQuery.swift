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

    /// A malformed or empty query ends the command with exit code 2.
    init(_ text: String, records: [Record]) throws {
        let rest: String
        let state: StateFilter
        do {
            (rest, state) = try StateFilter.split(text, names: PlacementNames())
        } catch {
            throw CommandFailure(code: 2, message: "bad query: \(error.message)")
        }
        var parsed: SearchQuery
        do {
            parsed = try SearchQuery.parse(rest)
            // The config file's search settings, as the browser's.
            parsed.allowsTypos = Config.load(environment: ProcessInfo.processInfo.environment).allowsTypos
        } catch {
            throw CommandFailure(code: 2, message: "bad query at character \(error.position + 1): \(error.message)")
        }
        guard !parsed.isEmpty || !state.isEmpty else { throw CommandFailure(code: 2, message: "empty query") }
        index = SearchIndex(records: records)
        // Every hit in rank order: `list` and `export` print them all.
        let results = parsed.isEmpty ? nil : index.search(parsed, ranked: .max)
        // State words alone keep the library's order.
        var hits = results?.hits ?? records.indices.map { SearchHit(record: $0, score: 0) }
        matchTerms = results?.matchTerms ?? .none
        if !state.isEmpty {
            let saved = UserLibrary.state()
            let placements = PlacementCache(records: records)
            if state.needsPlacements { placements.analyseAll() }
            hits = hits.filter { hit in
                let annotation = saved.annotations[records[hit.record].id]
                return state.admits(annotation, added: saved.addedDays[records[hit.record].id]) {
                    placements.placement(of: hit.record, user: annotation.placement).choice
                }
            }
        }
        self.hits = hits
    }
}
