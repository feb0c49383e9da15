import Foundation

/// DOIs and ISSNs found in free text.
enum Identifiers {
    private nonisolated(unsafe) static let doiRegex = try! Regex(#"\b(10\.\d{4,9}/[^\s"<>]+)"#)
    private nonisolated(unsafe) static let issnRegex = try! Regex(#"\b(\d{4}-\d{3}[\dXx])\b"#)

    /// The first DOI, without trailing punctuation, lowercased as DOIs are
    /// case-insensitive and usually shown that way.
    static func doi(in text: String) -> String? {
        if let bare = bareDOI(text) { return bare }
        guard let match = text.firstMatch(of: doiRegex), let doi = match.output[1].substring else { return nil }
        return String(doi).trimmingCharacters(in: .init(charactersIn: ".,;)]}'")).lowercased()
    }

    /// A field that is a DOI and nothing else (as library files give
    /// them), checked on bytes: the regex costs a tenth of loading a large
    /// .bib. Anything else goes to the regex.
    private static func bareDOI(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count > 8, bytes.starts(with: Array("10.".utf8)) else { return nil }
        var index = 3
        while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        guard (4...9).contains(index - 3), index < bytes.count - 1, bytes[index] == 0x2F else { return nil }
        // Printable ASCII without quote, <, > or a space; and no trailing punctuation to trim.
        guard bytes[(index + 1)...].allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x3C && $0 != 0x3E }),
              let last = bytes.last, !Array(".,;)]}'".utf8).contains(last) else { return nil }
        return text.lowercased()
    }

    /// The DOI of a field that holds one and nothing else (a library's
    /// `doi`, `DO` or `DOI`): taken whole, so that SICI DOIs
    /// (`10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P`)
    /// and short DOIs (`10/cng8cx`) come through; a resolver's address or
    /// `doi:` before it is dropped. Anything else is searched as free text.
    static func doi(field: String) -> String? {
        var text = field.trimmed
        // Most fields are a bare DOI: the resolver and `doi:` forms are looked for only otherwise.
        if !text.utf8.starts(with: "10".utf8) {
            for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:", "doi "] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count)).trimmed
            }
        }
        // On the bytes: a large library has a DOI in most entries.
        let bytes = text.utf8
        let whole = bytes.starts(with: "10.".utf8) || bytes.starts(with: "10/".utf8)
        let printable = !bytes.isEmpty && bytes.allSatisfy { $0 > 0x20 && $0 != 0x7F }
        guard whole, bytes.count > 4, let slash = bytes.firstIndex(of: 0x2F), bytes.index(after: slash) < bytes.endIndex, printable else {
            // What the field holds is the user's, even when it is no DOI
            // (a bare shortDOI `fg6rf9`, a suffix alone): kept when it is one word.
            return doi(in: field) ?? (printable ? text.lowercased() : nil)
        }
        return text.lowercased()
    }

    /// Every ISSN, in order, without repeats.
    static func issns(in text: String) -> [String] {
        var seen: [String] = []
        for match in text.matches(of: issnRegex) {
            if let issn = match.output[1].substring.map({ String($0).uppercased() }), !seen.contains(issn) { seen.append(issn) }
        }
        return seen
    }
}
