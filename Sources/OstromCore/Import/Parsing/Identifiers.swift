import Foundation

/// DOIs and ISSNs found in free text.
enum Identifiers {
    private nonisolated(unsafe) static let doiRegex = try! Regex(#"\b(10\.\d{4,9}/[^\s"<>]+)"#)
    private nonisolated(unsafe) static let issnRegex = try! Regex(#"\b(\d{4}-\d{3}[\dXx])\b"#)

    /// The first DOI, without trailing punctuation, lowercased as DOIs are
    /// case-insensitive and usually shown that way.
    static func doi(in text: String) -> String? {
        guard let match = text.firstMatch(of: doiRegex), let doi = match.output[1].substring else { return nil }
        return String(doi).trimmingCharacters(in: .init(charactersIn: ".,;)]}'")).lowercased()
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
