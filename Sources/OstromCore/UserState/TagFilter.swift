/// `tag:care` and `-tag:care` in a query: tags come from the user's
/// annotations, not the index, so they are taken out of the query and
/// applied to its hits.
public struct TagFilter: Equatable, Sendable {
    public var required: [String] = []
    public var excluded: [String] = []

    public init(required: [String] = [], excluded: [String] = []) {
        self.required = required
        self.excluded = excluded
    }

    public var isEmpty: Bool { required.isEmpty && excluded.isEmpty }

    /// The query without its tag words (words inside quotes are left), and
    /// the filter they make. `tag:` with nothing after it (still being
    /// typed) is dropped.
    public static func split(_ query: String) -> (rest: String, filter: TagFilter) {
        var filter = TagFilter()
        var rest: [String] = []
        var inQuotes = false
        for word in query.split(separator: " ", omittingEmptySubsequences: false) {
            let quotes = word.filter { $0 == "\"" }.count
            defer { if quotes % 2 == 1 { inQuotes.toggle() } }
            let lowered = word.lowercased()
            guard !inQuotes, lowered.hasPrefix("tag:") || lowered.hasPrefix("-tag:") else {
                rest.append(String(word))
                continue
            }
            let negated = word.hasPrefix("-")
            let tag = String(word.dropFirst(negated ? 5 : 4))
            if tag.isEmpty { continue }
            if negated { filter.excluded.append(tag) } else { filter.required.append(tag) }
        }
        return (rest.joined(separator: " "), filter)
    }

    public func admits(_ annotation: Annotation) -> Bool {
        required.allSatisfy(annotation.tags.contains) && !excluded.contains(where: annotation.tags.contains)
    }
}
