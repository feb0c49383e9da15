/// Keyword lists as pages write them: one per line, or separated by
/// semicolons, commas or slashes.
enum Keywords {
    static func split(_ text: String) -> [String] {
        let separators: Set<Character> = text.contains(";") || text.contains("\n") ? [";", "\n"] : [",", "/"]
        var seen: [String] = []
        for part in text.split(whereSeparator: separators.contains) {
            let keyword = part.trimmed
            if !keyword.isEmpty && !seen.contains(keyword) { seen.append(keyword) }
        }
        return seen
    }
}
