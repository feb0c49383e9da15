import Foundation

/// BibTeX files (Zotero, JabRef, cobib exports), recognised by content: an
/// `@type{` at the start of a line. Each entry becomes a record whose id is
/// its citation key; `crossref` fills what an entry lacks from its parent.
public struct BibTeXImporter: DocumentImporter {
    public let format = "bibtex"

    static let types: [String: String] = [
        "article": "article-journal", "book": "book", "incollection": "chapter", "inbook": "chapter",
        "inproceedings": "paper-conference", "conference": "paper-conference", "phdthesis": "thesis",
        "mastersthesis": "thesis", "techreport": "report", "unpublished": "manuscript", "online": "webpage",
        "misc": "document", "proceedings": "book", "booklet": "book", "manual": "report",
    ]

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        document.lines.prefix(2000).contains { line in
            let text = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            guard text.first == "@", let brace = text.firstIndex(where: { $0 == "{" || $0 == "(" }) else { return false }
            let type = text[text.index(after: text.startIndex)..<brace].lowercased().trimmingCharacters(in: .whitespaces)
            return Self.types[type] != nil || ["string", "preamble", "comment"].contains(type)
        }
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var parser = BibTeXParser(text: document.text)
        parser.parse()
        var diagnostics = parser.problems.map {
            Diagnostic(path: document.path, line: $0.line, severity: .warning, message: $0.message + "; entry skipped")
        }
        let byKey = Dictionary(parser.entries.map { ($0.key.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var records: [Record] = []
        for entry in parser.entries {
            let (fields, problem) = Self.inherited(entry, from: byKey)
            if let problem { diagnostics.append(Diagnostic(path: document.path, line: entry.line, severity: .warning, message: problem)) }
            records.append(record(entry, fields: fields, path: document.path))
        }
        return ImportResult(records: records, diagnostics: diagnostics)
    }

    /// The entry's fields with those it lacks taken from its `crossref`
    /// chain; a cycle or a missing parent is reported.
    static func inherited(_ entry: BibTeXParser.Entry, from byKey: [String: BibTeXParser.Entry]) -> ([String: String], String?) {
        var fields: [String: String] = [:]
        for (name, value) in entry.fields where fields[name] == nil { fields[name] = value }
        var seen: Set<String> = [entry.key.lowercased()]
        var parentKey = fields["crossref"]
        while let key = parentKey?.lowercased() {
            guard !seen.contains(key) else { return (fields, "crossref cycle through “\(key)”") }
            seen.insert(key)
            guard let parent = byKey[key] else { return (fields, "crossref “\(key)” is not in the file") }
            for (name, value) in parent.fields {
                // A parent's title is the child's book title.
                let target = name == "title" ? "booktitle" : name
                if fields[target] == nil { fields[target] = value }
            }
            parentKey = parent.fields.first { $0.name == "crossref" }?.value
        }
        return (fields, nil)
    }

    private func record(_ entry: BibTeXParser.Entry, fields: [String: String], path: String) -> Record {
        let text = { (name: String) in fields[name].map { LaTeXText.decode($0).whitespaceNormalised }.flatMap { $0.isEmpty ? nil : $0 } }
        var record = Record(kind: .paper, title: text("title") ?? entry.key)
        record.citationKey = entry.key
        record.type = Self.types[entry.type] ?? "document"
        record.authors = (fields["author"] ?? fields["editor"]).map(Self.names) ?? []
        if let yearText = text("year") ?? text("date"), let date = DateParsing.date(from: yearText) {
            let month = text("month").flatMap { Int($0) ?? DateParsing.monthNumbers[$0.lowercased()] }
            record.date = date.month == nil && month != nil ? PartialDate(year: date.year, month: month, day: Int(text("day") ?? "")) : date
        }
        record.container = text("journal") ?? text("journaltitle") ?? text("booktitle") ?? text("series")
        record.volume = text("volume")
        record.issue = text("number") ?? text("issue")
        record.pages = text("pages").map(ContainerCitation.normalisedPages)
        record.publisher = text("publisher") ?? text("school") ?? text("institution") ?? text("organization")
        record.doi = text("doi").flatMap(Identifiers.doi(in:))
        record.issn = Identifiers.issns(in: text("issn") ?? "")
        record.language = text("language").flatMap { LanguageCodes.code(for: $0) ?? $0 }
        record.abstract = text("abstract")
        record.keywords = text("keywords").map(Keywords.split) ?? []
        record.source = SourceReference(path: path, format: format, bodyLine: entry.line)
        return record
    }

    /// "Last, First and {World Health Organization} and others".
    static func names(_ value: String) -> [Person] {
        splitAtTopLevel(value, on: " and ").compactMap { part in
            let trimmed = part.trimmed
            if trimmed == "others" { return Person(literal: "others") }
            if trimmed.hasPrefix("{") && trimmed.hasSuffix("}") && splitAtTopLevel(trimmed, on: " ").count == 1 {
                return Person(literal: LaTeXText.decode(trimmed).trimmed)
            }
            return PersonNames.parse(LaTeXText.decode(trimmed))
        }
    }

    /// Splits where `separator` stands outside braces.
    static func splitAtTopLevel(_ text: String, on separator: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            if depth == 0, text[index...].hasPrefix(separator) {
                parts.append(current)
                current = ""
                index = text.index(index, offsetBy: separator.count)
                continue
            }
            current.append(character)
            index = text.index(after: index)
        }
        parts.append(current)
        return parts.filter { !$0.trimmed.isEmpty }
    }
}
