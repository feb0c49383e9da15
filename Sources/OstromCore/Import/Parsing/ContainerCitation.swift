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

    /// `131 – 149` → `131-149`: split at hyphens and en or em dashes, on bytes.
    static func normalisedPages(_ pages: String) -> String {
        var parts: [String] = []
        var part: [UInt8] = []
        func endPart() {
            let text = String(decoding: part, as: UTF8.self).trimmed
            if !text.isEmpty { parts.append(text) }
            part.removeAll(keepingCapacity: true)
        }
        let bytes = Array(pages.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x2D {
                endPart()
                index += 1
            } else if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94 {
                endPart()
                index += 3
            } else {
                part.append(bytes[index])
                index += 1
            }
        }
        endPart()
        // An open range ("42-", 42 onwards) keeps its dash.
        let ends = pages.trimmed
        let open = parts.count == 1 && ends.last.map { "-–—".contains($0) } == true && ends.first.map { "-–—".contains($0) } == false
        return parts.joined(separator: "-") + (open ? "-" : "")
    }
}
