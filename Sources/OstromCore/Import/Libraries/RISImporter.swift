/// RIS files (EndNote, Zotero, Mendeley exports), recognised by content:
/// `TY  - ` lines. Each record runs from TY to ER; text between records is
/// ignored; a last record without ER still counts (and is reported).
public struct RISImporter: DocumentImporter {
    public let format = "ris"

    static let types: [String: String] = [
        "JOUR": "article-journal", "JFULL": "article-journal", "MGZN": "article-magazine", "NEWS": "article-newspaper",
        "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter",
        "CONF": "paper-conference", "CPAPER": "paper-conference", "THES": "thesis", "RPRT": "report",
        "GEN": "document", "ELEC": "webpage", "WEB": "webpage", "UNPB": "manuscript",
    ]

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        document.text.utf8.prefix(4 << 10).starts(with: Array("TY  - ".utf8))
            || document.text.prefix(64 << 10).contains("\nTY  - ") || document.text.prefix(64 << 10).contains("\r\nTY  - ")
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var result = ImportResult()
        var tags: [(tag: String, value: String)] = []
        var start = 0
        var open = false
        for (index, line) in document.lines.enumerated() {
            guard let (tag, value) = Self.tagLine(line) else {
                // A line without a tag continues the previous value (wrapped abstracts).
                if open, !line.trimmed.isEmpty, let last = tags.indices.last { tags[last].value += " " + line.trimmed }
                continue
            }
            switch tag {
            case "TY":
                if open { result.append(finish(tags, line: start, document: document)) }
                tags = [(tag, value)]
                start = index + 1
                open = true
            case "ER":
                if open { result.append(finish(tags, line: start, document: document)) }
                open = false
            default:
                if open { tags.append((tag, value)) }
            }
        }
        if open {
            result.append(finish(tags, line: start, document: document))
            result.diagnostics.append(Diagnostic(path: document.path, line: start, severity: .warning, message: "the last record has no closing ER"))
        }
        return result
    }

    /// "2016", "2016/03/05/", "2016/03//" or a date in words.
    static func date(_ text: String) -> PartialDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return DateParsing.date(year: parts.first, month: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil,
                                day: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil) ?? DateParsing.date(from: text)
    }

    /// "AU  - Pestoff, Victor" → ("AU", "Pestoff, Victor").
    static func tagLine(_ line: String) -> (String, String)? {
        let bytes = Array(line.utf8.prefix(6))
        guard bytes.count >= 5, bytes[0] >= 0x41 && bytes[0] <= 0x5A, (bytes[1] >= 0x41 && bytes[1] <= 0x5A) || (bytes[1] >= 0x30 && bytes[1] <= 0x39),
              bytes[2] == 0x20, bytes[3] == 0x20, bytes[4] == 0x2D else { return nil }
        return (String(line.prefix(2)), String(line.dropFirst(5)).trimmed)
    }

    private func finish(_ tags: [(tag: String, value: String)], line: Int, document: SourceDocument) -> ImportResult {
        func first(_ names: String...) -> String? { tags.first { names.contains($0.tag) && !$0.value.isEmpty }?.value }
        func all(_ names: String...) -> [String] { tags.filter { names.contains($0.tag) && !$0.value.isEmpty }.map(\.value) }
        var diagnostics: [Diagnostic] = []
        let title = first("TI", "T1")
        if title == nil {
            diagnostics.append(Diagnostic(path: document.path, line: line, severity: .warning, message: "record has no title (TI or T1)"))
        }
        var record = Record(kind: .paper, title: title ?? first("T2", "JO", "JF") ?? "Untitled")
        record.citationKey = first("ID")
        record.type = first("TY").flatMap { Self.types[$0.uppercased()] } ?? "document"
        // "Family, Given"; a name without a comma is an organisation's, as Zotero writes them.
        record.authors = all("AU", "A1", "A2", "A3", "A4").compactMap { $0.contains(",") ? PersonNames.parse($0) : Person(literal: $0) }
        record.container = first("T2", "JO", "JF", "JA", "BT")
        // PY often gives the year alone and DA the full date: the most precise wins.
        record.date = all("PY", "Y1", "DA").compactMap(Self.date).max { $0.precision < $1.precision }
        record.volume = first("VL")
        record.issue = first("IS")
        if let startPage = first("SP") {
            record.pages = first("EP").map { startPage + "-" + $0 } ?? ContainerCitation.normalisedPages(startPage)
        }
        record.doi = first("DO").flatMap(Identifiers.doi(in:))
        record.url = all("UR", "L2").lazy.compactMap(WebAddress.normalised).first
        record.abstract = first("AB", "N2").map(\.whitespaceNormalised)
        record.keywords = all("KW")
        record.publisher = first("PB")
        record.publisherPlace = first("CY")
        record.issn = Identifiers.issns(in: all("SN").joined(separator: " "))
        record.language = first("LA").flatMap { LanguageCodes.code(for: $0) ?? $0 }
        record.source = SourceReference(path: document.path, format: format, bodyLine: line)
        return ImportResult(records: [record], diagnostics: diagnostics)
    }
}
