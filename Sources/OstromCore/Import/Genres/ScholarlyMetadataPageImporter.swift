import Foundation

/// A scholarly metadata page that embeds the record as JSON (Semantic
/// Scholar–style keys or schema.org), often with a machine-translated title
/// and abstract (e.g. Chinese) kept as a translation.
public struct ScholarlyMetadataPageImporter: DocumentImporter {
    public let format = "scholarly-metadata-page"

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        Self.embeddedRecord(in: document) != nil
    }

    /// The first JSON object in the page that has a title and a DOI, an
    /// abstract or authors; with its 1-based line.
    static func embeddedRecord(in document: SourceDocument) -> (object: [String: Any], line: Int)? {
        for (index, line) in document.lines.enumerated() {
            let text = line.trimmed
            guard text.hasPrefix("{"), text.contains("\"") else { continue }
            let candidate = text.hasSuffix("}") ? text : Self.balancedObject(from: document.lines[index...])
            guard let data = candidate?.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let keys = Set(object.keys.map { $0.lowercased() })
            if !keys.isDisjoint(with: ["title", "name", "headline"]) && !keys.isDisjoint(with: ["doi", "abstract", "authors", "author", "description"]) {
                return (object, index + 1)
            }
        }
        return nil
    }

    /// A JSON object spread over several lines, up to its closing brace.
    private static func balancedObject(from lines: ArraySlice<String>) -> String? {
        var depth = 0
        var inString = false
        var escaped = false
        var collected: [String] = []
        for line in lines.prefix(2000) {
            collected.append(line)
            for character in line {
                if escaped { escaped = false; continue }
                switch character {
                case "\\" where inString: escaped = true
                case "\"": inString.toggle()
                case "{" where !inString: depth += 1
                case "}" where !inString:
                    depth -= 1
                    if depth == 0 { return collected.joined(separator: "\n") }
                default: break
                }
            }
        }
        return nil
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        guard let (object, line) = Self.embeddedRecord(in: document) else { return ImportResult() }
        let json = JSONFields(object)
        var diagnostics: [Diagnostic] = []
        let title = (json.string("title", "name", "headline") ?? document.lines.first { !$0.trimmed.isEmpty } ?? "").whitespaceNormalised
        var record = Record(kind: .paper, title: title)
        record.authors = json.people()
        if let dateText = json.string("publicationDate", "datePublished", "date", "EPubDate", "year") {
            record.date = DateParsing.date(from: dateText)
            if record.date == nil { diagnostics.append(Diagnostic(path: document.path, line: line, severity: .warning, message: "could not read the date “\(dateText)”")) }
        }
        if record.date == nil, let match = document.text.firstMatch(of: /Pub Date\s*:\s*(\d{4}-\d{2}-\d{2})/) {
            record.date = DateParsing.date(from: String(match.output.1))
        }
        record.doi = json.string("doi", "DOI").flatMap(Identifiers.doi(in:)) ?? Identifiers.doi(in: document.text)
        record.abstract = json.string("abstract", "description").map(\.whitespaceNormalised) ?? Self.abstractInText(document)
        let journal = json.object("journal", "isPartOf", "venue")
        record.container = journal?.string("name", "title") ?? json.string("PeriodicalName", "venue", "container-title", "journalName")
        record.volume = journal?.string("volume") ?? json.string("volume")
        record.issue = journal?.string("issue") ?? json.string("issue")
        record.pages = (journal?.string("pages") ?? json.string("pages")).map(ContainerCitation.normalisedPages)
        record.type = json.string("publicationTypes", "@type", "type").flatMap(PublicationTypes.cslType(for:))
        record.citations = json.integer("citationCount", "citations")
        record.issn = Identifiers.issns(in: json.string("issn", "ISSN") ?? "")
        if let translation = Self.translation(json: json, document: document, englishAbstract: record.abstract) {
            record.translations = [translation]
        }
        record.source = SourceReference(path: document.path, format: format)
        return ImportResult(records: [record], diagnostics: diagnostics)
    }

    /// The paragraph under an "Abstract" heading, up to the page's next
    /// furniture or translated text.
    static func abstractInText(_ document: SourceDocument) -> String? {
        guard let heading = document.lines.firstIndex(where: { ["abstract", "abstract:", "summary"].contains($0.trimmed.lowercased()) }) else {
            return nil
        }
        var lines: [String] = []
        for line in document.lines[(heading + 1)...].map(\.trimmed) {
            if line.isEmpty { if lines.isEmpty { continue } else { break } }
            if ScriptDetection.cjkShare(line) > 0.3 || PageChrome.isChrome(line) || line.hasPrefix("{") { break }
            lines.append(line)
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ").whitespaceNormalised
    }

    // MARK: - Translation

    /// Shorter CJK lines are page furniture or headings, not an abstract.
    static let minimumAbstractLength = 30

    /// The site's own buttons and notices ("share", "view original",
    /// "translated by a computer program"), in Chinese.
    static func isChrome(_ line: String) -> Bool {
        ["分享", "查看原文", "本刊更多论文", "求助全文", "翻译", "版权", "Copyright"].contains(where: line.contains)
    }

    /// The translated title and abstract: from the JSON when it carries them,
    /// else the page's longest run of CJK text (the abstract) and the CJK
    /// line just above it (the title).
    static func translation(json: JSONFields, document: SourceDocument, englishAbstract: String?) -> Translation? {
        if let abstract = json.string("AbstractTextCN") {
            let title = json.string("TitleCN")
            return Translation(language: ScriptDetection.cjkLanguage(abstract + (title ?? "")), title: title, abstract: abstract.whitespaceNormalised)
        }
        let lines = document.lines.map(\.trimmed)
        let cjkLines = lines.indices.filter { ScriptDetection.cjkShare(lines[$0]) > 0.5 && !isChrome(lines[$0]) }
        guard let abstractIndex = cjkLines.filter({ lines[$0].count >= minimumAbstractLength })
            .max(by: { lines[$0].count < lines[$1].count }) else { return nil }
        let abstract = lines[abstractIndex]
        let titleIndex = lines[..<abstractIndex].lastIndex { !$0.isEmpty }
        let title = titleIndex.map { lines[$0] }.flatMap { line in
            ScriptDetection.cjkShare(line) > 0.5 && !isChrome(line) && line.count < abstract.count / 2 ? line : nil
        }
        return Translation(language: ScriptDetection.cjkLanguage(abstract), title: title, abstract: abstract)
    }
}

/// Case-insensitive reading of a JSON object's values, treating blank
/// strings and `null` as absent.
struct JSONFields {
    let object: [String: Any]
    /// The object by its keys lowercased, for a key written in another case
    /// (the object itself when every key is lowercase ASCII already). Each
    /// key missing from an item lowercased all of the item's keys to look
    /// for it: a fifth of reading 100 000 CSL-JSON items.
    private let folded: [String: Any]

    init(_ object: [String: Any]) {
        self.object = object
        let foldable = object.keys.contains { key in key.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } }
        var folded = foldable ? [String: Any](minimumCapacity: object.count) : object
        // The first of keys that differ only in case, in the object's order, as before.
        if foldable { for (key, value) in object where folded[key.lowercased()] == nil { folded[key.lowercased()] = value } }
        self.folded = folded
    }

    func value(_ keys: [String]) -> Any? {
        for key in keys {
            if let value = object[key] ?? folded[key.lowercased()] {
                // Told apart by their types first: testing a string, a list or an
                // object for NSNull bridges it whole to an NSString, NSArray or
                // NSDictionary (a CSL-JSON item's names so took a quarter of
                // reading 100 000 items).
                let type = Swift.type(of: value)
                if type == String.self {
                    if (value as! String).trimmed.isEmpty { continue }
                    return value
                }
                if type == [Any].self || type == [String: Any].self { return value }
                if value is NSNull { continue }
                if let text = value as? String, text.trimmed.isEmpty { continue }
                return value
            }
        }
        return nil
    }

    func string(_ keys: String...) -> String? {
        switch value(keys) {
        case let text as String: return text.trimmed
        case let number as NSNumber: return number.stringValue
        case let list as [Any]: return list.compactMap { $0 as? String }.first?.trimmed
        case let dictionary as [String: Any]: return JSONFields(dictionary).string("name", "value", "@value")
        default: return nil
        }
    }

    func integer(_ keys: String...) -> Int? {
        switch value(keys) {
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text.trimmed)
        default: return nil
        }
    }

    func object(_ keys: String...) -> JSONFields? {
        (value(keys) as? [String: Any]).map(JSONFields.init)
    }

    /// Authors from "A. Body, E. Hogg", ["A. Body"], [{"name": …}] or
    /// [{"family": …, "given": …}].
    func people() -> [Person] {
        switch value(["authors", "author", "creator"]) {
        case let text as String:
            return PersonNames.parseList(text)
        case let list as [Any]:
            return list.compactMap { item in
                if let name = item as? String { return PersonNames.parse(name) }
                guard let fields = (item as? [String: Any]).map(JSONFields.init) else { return nil }
                if let family = fields.string("family", "familyName", "lastName") {
                    return Person(family: family, given: fields.string("given", "givenName", "firstName"))
                }
                return fields.string("name", "literal").flatMap(PersonNames.parse)
            }
        case let single as [String: Any]:
            return JSONFields(single).string("name").flatMap(PersonNames.parse).map { [$0] } ?? []
        default:
            return []
        }
    }
}
