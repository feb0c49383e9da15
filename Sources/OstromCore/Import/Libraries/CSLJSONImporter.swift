import Foundation

/// CSL-JSON (Zotero's and pandoc's interchange format), recognised by
/// content: the whole text is a JSON array of items, or one item, with CSL
/// keys (`issued`, `container-title`, an `author` array, `citation-key`).
public struct CSLJSONImporter: DocumentImporter {
    public let format = "csl-json"

    static let cslKeys: Set<String> = ["issued", "container-title", "citation-key", "author", "editor"]

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        guard let first = document.text.utf8.first(where: { $0 > 0x20 }), first == 0x5B || first == 0x7B else { return false }
        return Self.items(document) != nil
    }

    /// Whether the start of a file may be CSL-JSON: a JSON array or object
    /// that names a CSL key. (`recognises` parses the whole file.)
    static func startsLikeCSL(_ head: SourceDocument) -> Bool {
        guard let first = head.text.utf8.first(where: { $0 > 0x20 }), first == 0x5B || first == 0x7B else { return false }
        return cslKeys.contains { head.text.contains("\"\($0)\"") }
    }

    /// The items, when the text is CSL-JSON.
    static func items(_ document: SourceDocument) -> [[String: Any]]? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(document.text.utf8)) else { return nil }
        let items = (json as? [Any])?.compactMap { $0 as? [String: Any] } ?? (json as? [String: Any]).map { [$0] } ?? []
        let isCSL = items.contains { item in
            item.keys.contains { cslKeys.contains($0) } && (item["author"].map { $0 is [Any] } ?? true)
        }
        return isCSL ? items : nil
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        guard let items = Self.items(document) else { return ImportResult() }
        var result = ImportResult()
        for (position, item) in items.enumerated() {
            let fields = JSONFields(item)
            guard let title = fields.string("title") else {
                result.diagnostics.append(Diagnostic(path: document.path, line: nil, severity: .warning,
                                                     message: "item \(position + 1) (\(fields.string("id") ?? "no id")) has no title; skipped"))
                continue
            }
            var record = Record(kind: .paper, title: title.whitespaceNormalised)
            record.citationKey = fields.string("citation-key", "id")
            record.type = fields.string("type")
            record.authors = Self.names(item["author"] ?? item["editor"])
            record.date = Self.issued(item["issued"])
            record.container = fields.string("container-title", "collection-title")
            record.volume = fields.string("volume")
            record.issue = fields.string("issue")
            record.pages = fields.string("page").map(ContainerCitation.normalisedPages)
            record.publisher = fields.string("publisher")
            record.doi = fields.string("DOI").flatMap(Identifiers.doi(in:))
            record.url = fields.string("URL").flatMap(WebAddress.normalised)
            record.publisherPlace = fields.string("publisher-place")
            record.issn = Identifiers.issns(in: fields.string("ISSN") ?? "")
            record.abstract = fields.string("abstract").map(\.whitespaceNormalised)
            record.keywords = fields.string("keyword").map(Keywords.split) ?? []
            record.language = fields.string("language").flatMap { LanguageCodes.code(for: $0) ?? $0 }
            record.source = SourceReference(path: document.path, format: format)
            result.records.append(record)
        }
        return result
    }

    /// `[{"family": …, "given": …}, {"literal": …}]`.
    static func names(_ value: Any?) -> [Person] {
        (value as? [Any] ?? []).compactMap { entry in
            guard let fields = (entry as? [String: Any]).map(JSONFields.init) else { return nil }
            if let literal = fields.string("literal") { return Person(literal: literal) }
            guard let family = fields.string("family") else { return nil }
            let particle = fields.string("non-dropping-particle").map { $0 + " " } ?? ""
            return Person(family: particle + family, given: fields.string("given"))
        }
    }

    /// `{"date-parts": [[2019, 3, 5]]}` or `{"raw": "2019-03"}`.
    static func issued(_ value: Any?) -> PartialDate? {
        guard let issued = value as? [String: Any] else { return nil }
        if let parts = (issued["date-parts"] as? [[Any]])?.first {
            let numbers = parts.map { ($0 as? NSNumber)?.intValue ?? Int("\($0)") }
            guard let year = numbers.first ?? nil else { return nil }
            let month = numbers.count > 1 ? numbers[1] : nil
            return PartialDate(year: year, month: month, day: numbers.count > 2 ? numbers[2] : nil)
        }
        return (issued["raw"] as? String).flatMap { DateParsing.date(from: $0) }
    }
}
