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

    /// Looks at the first 256 KB only, on bytes: a library is recognised
    /// as soon as one line starts with a known `@type{`.
    public func recognises(_ document: SourceDocument) -> Bool {
        let bytes = Array(document.text.utf8.prefix(256 << 10))
        var index = 0
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { atLineStart = true } else if atLineStart && byte == 0x40 {
                var end = index + 1
                while end < bytes.count && bytes[end] != 0x7B && bytes[end] != 0x28 && bytes[end] != 0x0A && end - index < 20 { end += 1 }
                if end < bytes.count && (bytes[end] == 0x7B || bytes[end] == 0x28) {
                    let type = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased().trimmed
                    if Self.types[type] != nil || ["string", "preamble", "comment"].contains(type) { return true }
                }
                atLineStart = false
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0xEF && byte != 0xBB && byte != 0xBF {
                atLineStart = false
            }
            index += 1
        }
        return false
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var parser = BibTeXParser(text: document.text)
        parser.parse()
        var diagnostics = parser.problems.map {
            Diagnostic(path: document.path, line: $0.line, severity: .warning, message: $0.message + "; entry skipped")
        }
        let entries = parser.entries
        let byKey = Dictionary(entries.map { ($0.key.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let built = buildRecords(entries, byKey: byKey, path: document.path)
        for (entry, (_, problem)) in zip(entries, built) {
            if let problem { diagnostics.append(Diagnostic(path: document.path, line: entry.line, severity: .warning, message: problem)) }
        }
        return ImportResult(records: built.map(\.record), diagnostics: diagnostics)
    }

    /// Entries at or above this count are turned into records on two cores.
    static let parallelThreshold = 2000

    /// Each entry's record and its crossref problem, in order. Turning
    /// fields into records is most of a large file's loading time, so a
    /// large file is done in two halves at once.
    private func buildRecords(_ entries: [BibTeXParser.Entry], byKey: [String: BibTeXParser.Entry], path: String)
        -> [(record: Record, problem: String?)] {
        let build: @Sendable (BibTeXParser.Entry) -> (record: Record, problem: String?) = { entry in
            let (fields, problem) = Self.inherited(entry, from: byKey)
            return (record(entry, fields: fields, path: path), problem)
        }
        guard entries.count >= Self.parallelThreshold else { return entries.map(build) }
        let half = entries.count / 2
        var halves: [[(record: Record, problem: String?)]] = [[], []]
        halves.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                slots[part] = (part == 0 ? entries[..<half] : entries[half...]).map(build)
            }
        }
        return halves[0] + halves[1]
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
        if let yearText = text("year") ?? text("date"), let date = Int(yearText).map({ PartialDate(year: $0) }) ?? DateParsing.date(from: yearText) {
            let month = text("month").flatMap { Int($0) ?? DateParsing.monthNumbers[$0.lowercased()] }
            record.date = date.month == nil && month != nil ? PartialDate(year: date.year, month: month, day: Int(text("day") ?? "")) : date
        }
        record.container = text("journal") ?? text("journaltitle") ?? text("booktitle") ?? text("series")
        record.volume = text("volume")
        record.issue = text("number") ?? text("issue")
        record.pages = text("pages").map(ContainerCitation.normalisedPages)
        record.publisher = text("publisher") ?? text("school") ?? text("institution") ?? text("organization")
        record.doi = text("doi").flatMap(Identifiers.doi(in:))
        record.url = fields["url"].flatMap(WebAddress.normalised)
        record.publisherPlace = text("address") ?? text("location")
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
            let decoded = LaTeXText.decode(trimmed)
            // "von Last, First", as BibTeX reads it; other forms go to the general parser.
            let parts = decoded.split(separator: ",", omittingEmptySubsequences: false)
            if parts.count == 2, !decoded.utf8.contains(0x28) {
                let family = parts[0].trimmed
                let given = parts[1].trimmed
                if !family.isEmpty { return Person(family: family, given: given.isEmpty ? nil : given) }
            }
            return PersonNames.parse(decoded)
        }
    }

    /// Splits where `separator` stands outside braces, on bytes.
    static func splitAtTopLevel(_ text: String, on separator: String) -> [String] {
        let bytes = Array(text.utf8)
        let pattern = Array(separator.utf8)
        var parts: [String] = []
        var depth = 0
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x7B { depth += 1 } else if byte == 0x7D { depth -= 1 }
            if depth == 0 && byte == pattern[0] && index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += pattern.count
                start = index
                continue
            }
            index += 1
        }
        parts.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
        return parts.filter { !$0.trimmed.isEmpty }
    }
}
