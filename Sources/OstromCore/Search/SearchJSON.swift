/// Search hits as `ostrom search --format json` prints them.
public enum SearchJSON {
    /// With `annotations`, each hit says whether it is starred, and its tags and note.
    public static func value(of hits: [SearchHit], in index: SearchIndex, matchTerms: MatchTerms, annotations: Annotations? = nil) -> JSONValue {
        .array(hits.map { item(of: $0, in: index, matchTerms: matchTerms, annotations: annotations) })
    }

    /// One hit of the array.
    public static func item(of hit: SearchHit, in index: SearchIndex, matchTerms: MatchTerms, annotations: Annotations? = nil) -> JSONValue {
        let record = index.records[hit.record]
        var object = JSONObjectBuilder()
        object.add("id", record.id)
        object.add("kind", record.kind.rawValue)
        object.add("title", record.title)
        object.add("score", .decimal(Double(hit.score), places: 3))
        object.add("snippet", Snippet.best(for: record, matching: matchTerms).marked)
        if let annotation = annotations?[record.id] {
            object.add("starred", .bool(annotation.starred))
            object.add("tags", annotation.tags)
            object.add("note", annotation.note)
        }
        return object.value
    }
}
