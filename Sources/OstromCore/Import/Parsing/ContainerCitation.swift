import Foundation

/// Reads a "published in" line: `International review of administrative
/// sciences 2016-03, Vol.82 (1), p.131-149`, `Journal of X, 2019, 12(3),
/// pp. 45–67`, `Zeitschrift für Y 41 (2019), Heft 2, S. 10-20`.
struct ContainerCitation: Equatable {
    var container: String?
    var date: PartialDate?
    var volume: String?
    var issue: String?
    var pages: String?

    private nonisolated(unsafe) static let volumeRegex = try! Regex(#"\b(?:vol(?:ume)?|bd|band|jg|jahrgang)\.?\s*([0-9A-Za-z]+)(?:\s*\(([^)]+)\))?"#).ignoresCase()
    private nonisolated(unsafe) static let issueRegex = try! Regex(#"\b(?:no|nr|issue|heft|h|iss)\.?\s*([0-9A-Za-z/-]+)"#).ignoresCase()
    private nonisolated(unsafe) static let pagesRegex = try! Regex(#"(?:\bpp?\.|\bs\.|\bpages?\b|\bseiten?\b)\s*([0-9A-Za-z]+(?:\s*[-–—]+\s*[0-9A-Za-z]+)?)"#).ignoresCase()
    private nonisolated(unsafe) static let bareVolumeIssue = try! Regex(#"(?:^|[,;]\s*)(\d+)\s*\((\d+(?:[-/]\d+)?)\)"#)

    static func parse(_ text: String) -> ContainerCitation {
        var citation = ContainerCitation()
        var cut = text.endIndex
        if let match = DateParsing.firstDate(in: text, allowYearOnly: true) {
            citation.date = match.date
            cut = match.range.lowerBound
        }
        if let match = text.firstMatch(of: volumeRegex) {
            citation.volume = match.output[1].substring.map(String.init)
            citation.issue = match.output[2].substring.map { String($0).trimmed }
            cut = min(cut, match.range.lowerBound)
        } else if let match = text.firstMatch(of: bareVolumeIssue) {
            citation.volume = match.output[1].substring.map(String.init)
            citation.issue = match.output[2].substring.map(String.init)
            cut = min(cut, match.range.lowerBound)
        }
        if citation.issue == nil, let match = text.firstMatch(of: issueRegex) {
            citation.issue = match.output[1].substring.map(String.init)
            cut = min(cut, match.range.lowerBound)
        }
        if let match = text.firstMatch(of: pagesRegex), let pages = match.output[1].substring {
            citation.pages = normalisedPages(String(pages))
            cut = min(cut, match.range.lowerBound)
        }
        let container = String(text[..<cut]).trimmingCharacters(in: .init(charactersIn: " ,;:.(")).trimmed
        citation.container = container.isEmpty ? nil : container
        return citation
    }

    /// `131 – 149` → `131-149`.
    static func normalisedPages(_ pages: String) -> String {
        pages.split(whereSeparator: { "-–—".contains($0) }).map { $0.trimmed }.filter { !$0.isEmpty }.joined(separator: "-")
    }
}
