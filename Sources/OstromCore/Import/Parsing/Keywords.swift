/// Keyword lists as pages write them: one per line, or separated by
/// semicolons, commas or slashes.
enum Keywords {
    /// Split on bytes (every separator is ASCII): splitting Characters cost
    /// a tenth of loading a large .bib.
    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            let byLine = bytes.contains(0x3B) || bytes.contains(0x0A)
            var seen: [String] = []
            for part in bytes.split(whereSeparator: { byLine ? $0 == 0x3B || $0 == 0x0A : $0 == 0x2C || $0 == 0x2F }) {
                let keyword = String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self).trimmed
                if !keyword.isEmpty && !seen.contains(keyword) { seen.append(keyword) }
            }
            return seen
        }
    }
}
