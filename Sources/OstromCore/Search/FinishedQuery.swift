/// A query as the command line runs it (and the prompt once Enter sends
/// it): finished, so that no word is a prefix unless it ends in `*`; its
/// state words (`tag:`, `starred:`, `stage:`…) apart from the index's.
public struct FinishedQuery {
    public let search: SearchQuery
    public let state: StateFilter

    /// What is wrong with the query, and at which character when known.
    public struct Problem: Error, CustomStringConvertible {
        public var message: String
        /// 0-based character offset.
        public var position: Int?

        /// `empty query`, `bad query: …`, `bad query at character 3: …`.
        public var description: String {
            guard message != Self.empty else { return message }
            return "bad query" + (position.map { " at character \($0 + 1)" } ?? "") + ": " + message
        }

        static let empty = "empty query"
    }

    public init(_ text: String, allowsTypos: Bool, names: PlacementNames = .builtIn) throws(Problem) {
        let rest: String
        do {
            (rest, state) = try StateFilter.split(text, names: names)
        } catch {
            throw Problem(message: error.message)
        }
        do {
            var search = try SearchQuery.parse(rest)
            search.allowsTypos = allowsTypos
            self.search = search
        } catch {
            throw Problem(message: error.message, position: error.position)
        }
        guard !search.isEmpty || !state.isEmpty else { throw Problem(message: Problem.empty) }
    }

    /// Every hit in rank order (state words alone keep the records' order),
    /// those `admits` passes when there are state words.
    /// The query's words that matched only words an edit or two away come too.
    public func hits(in index: SearchIndex, admits: (Int) -> Bool) -> (hits: [SearchHit], matchTerms: MatchTerms, approximateWords: [String]) {
        let results = search.isEmpty ? nil : index.search(search, ranked: .max)
        var hits = results?.hits ?? (0..<index.count).map { SearchHit(record: $0, score: 0) }
        if !state.isEmpty { hits = hits.filter { admits($0.record) } }
        return (hits, results?.matchTerms ?? .none, results?.approximateWords ?? [])
    }

    /// What to say of words matched only approximately: `concil` → "no word
    /// “concil”: words close to it".
    public static func approximateNote(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        return "no word " + words.map { "“\($0)”" }.joined(separator: ", ") + ": words close to " + (words.count == 1 ? "it" : "them")
    }
}
