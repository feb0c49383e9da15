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
        document.withUTF8 { Self.startsAnEntry(UnsafeBufferPointer(rebasing: $0.prefix(256 << 10))) }
    }

    private static func startsAnEntry(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { atLineStart = true } else if atLineStart && byte == 0x40 {
                var end = index + 1
                while end < bytes.count && bytes[end] != 0x7B && bytes[end] != 0x28 && bytes[end] != 0x0A && end - index < 20 { end += 1 }
                if end < bytes.count && (bytes[end] == 0x7B || bytes[end] == 0x28) {
                    let type = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased().trimmed
                    if types[type] != nil || ["string", "preamble", "comment"].contains(type) { return true }
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
        document.withUTF8 { importRecords(from: $0, path: document.path) }
    }

    private func importRecords(from bytes: UnsafeBufferPointer<UInt8>, path: String) -> ImportResult {
        var parser = BibTeXParser(bytes: bytes)
        parser.parse()
        var diagnostics = parser.problems.map {
            Diagnostic(path: path, line: $0.line, severity: .warning, message: $0.message + "; entry skipped")
        }
        let entries = parser.entries
        // Keys are looked up only to follow a crossref.
        let byKey = entries.contains { $0.crossref != nil }
            ? Dictionary(entries.map { ($0.key.lowercased(), $0) }, uniquingKeysWith: { first, _ in first }) : [:]
        for entry in entries where entry.crossref != nil {
            if let problem = Self.inherited(entry, from: byKey).problem {
                diagnostics.append(Diagnostic(path: path, line: entry.line, severity: .warning, message: problem))
            }
        }
        return ImportResult(records: buildRecords(entries, byKey: byKey, bytes: bytes, path: path), diagnostics: diagnostics)
    }

    /// Entries are turned into records on all cores, in parts of at least this many.
    static let entriesPerPart = 1000

    /// Each entry's record, in order. Turning fields into records (and the
    /// file's bytes into strings) is most of a large file's loading time,
    /// so the entries are split into one part per core, each written
    /// straight into its place in the result.
    private func buildRecords(_ entries: [BibTeXParser.Entry], byKey: [String: BibTeXParser.Entry],
                              bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Record] {
        nonisolated(unsafe) let bytes = bytes
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, entries.count / Self.entriesPerPart))
        return [Record](unsafeUninitializedCapacity: entries.count) { buffer, count in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                for index in (entries.count * part / parts)..<(entries.count * (part + 1) / parts) {
                    let fields = Fields(values: Self.inherited(entries[index], from: byKey).fields, bytes: bytes)
                    (buffer.baseAddress! + index).initialize(to: record(entries[index], fields: fields, path: path))
                }
            }
            count = entries.count
        }
    }

    /// The entry's fields followed by its `crossref` chain's, so that
    /// the first of a name wins; a cycle or a missing parent is reported.
    static func inherited(_ entry: BibTeXParser.Entry, from byKey: [String: BibTeXParser.Entry])
        -> (fields: [(name: String, value: BibTeXParser.Value)], problem: String?) {
        guard entry.crossref != nil else { return (entry.fields, nil) }
        var fields = entry.fields
        var seen: Set<String> = [entry.key.lowercased()]
        var parent = entry
        while let key = parent.crossref?.lowercased() {
            guard !seen.contains(key) else { return (fields, "crossref cycle through “\(key)”") }
            seen.insert(key)
            guard let next = byKey[key] else { return (fields, "crossref “\(key)” is not in the file") }
            // A parent's title is the child's book title.
            fields += next.fields.map { (name: $0.name == "title" ? "booktitle" : $0.name, value: $0.value) }
            parent = next
        }
        return (fields, nil)
    }

    /// An entry's fields, read from the file's bytes. A dozen fields are
    /// looked up in order: cheaper than hashing them into a dictionary.
    private struct Fields {
        var values: [(name: String, value: BibTeXParser.Value)]
        var bytes: UnsafeBufferPointer<UInt8>

        func value(_ name: String) -> BibTeXParser.Value? {
            // Lengths first: comparing two different short strings costs a call.
            values.first { $0.name.utf8.count == name.utf8.count && $0.name == name }?.value
        }

        /// As written, braces and LaTeX kept.
        func raw(_ name: String) -> String? {
            value(name)?.string(in: bytes)
        }

        /// As shown; nil when empty.
        func text(_ name: String) -> String? {
            value(name).map { $0.plainText(in: bytes) }.flatMap { $0.isEmpty ? nil : $0 }
        }

        func people(_ name: String) -> [Person]? {
            value(name)?.withBytes(in: bytes, BibTeXNames.people)
        }
    }

    private func record(_ entry: BibTeXParser.Entry, fields: Fields, path: String) -> Record {
        let text = fields.text
        var record = Record(kind: .paper, title: text("title") ?? entry.key)
        record.citationKey = entry.key
        record.type = Self.types[entry.type] ?? "document"
        record.authors = fields.people("author") ?? fields.people("editor") ?? []
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
        record.url = fields.raw("url").flatMap(WebAddress.normalised)
        record.publisherPlace = text("address") ?? text("location")
        record.issn = text("issn").map(Identifiers.issns) ?? []
        record.language = text("language").flatMap { LanguageCodes.code(for: $0) ?? $0 }
        record.abstract = text("abstract")
        record.keywords = text("keywords").map(Keywords.split) ?? []
        record.source = SourceReference(path: path, format: format, bodyLine: entry.line)
        return record
    }
}
