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
                // ASCII white space is trimmed on the bytes; `trimmed` sees only non-ASCII ends.
                var part = part
                while let first = part.first, first <= 0x20 { part = part.dropFirst() }
                while let last = part.last, last <= 0x20 { part = part.dropLast() }
                let text = String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self)
                let keyword = (part.first ?? 0) >= 0x80 || (part.last ?? 0) >= 0x80 ? text.trimmed : text
                if !keyword.isEmpty && !seen.contains(keyword) { seen.append(keyword) }
            }
            return seen
        }
    }
}
