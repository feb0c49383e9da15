import Foundation

/// CSL-JSON (Zotero's and pandoc's interchange format), recognised by
/// content: the whole text is a JSON array of items, or one item, each with
/// an `id` and a `type` (all CSL requires), or with CSL keys (`issued`,
/// `container-title`, an `author` array, `citation-key`). Every item is a
/// record, with or without a title; warnings name the item's line.
public struct CSLJSONImporter: DocumentImporter {
    public let format = "csl-json"

    static let cslKeys: Set<String> = ["issued", "container-title", "citation-key", "author", "editor"]

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        Self.readItems(document) { _, _ in }.isCSL
    }

    /// Whether the start of a file may be CSL-JSON: a JSON array or object
    /// that names a CSL key. (`recognises` parses the whole file.)
    static func startsLikeCSL(_ head: SourceDocument) -> Bool {
        guard let first = head.text.utf8.first(where: { $0 > 0x20 }), first == 0x5B || first == 0x7B else { return false }
        return cslKeys.contains { head.text.contains("\"\($0)\"") }
    }

    /// One top-level item: its object, or why it could not be read, and its line.
    struct Item {
        var object: [String: Any]?
        var problem: String?
        var line: Int
        /// Whether the text is CSL-JSON, known already from the items read
        /// so far (an item with a CSL key): records made from them may be
        /// shown while the rest is read.
        var textIsCSL = false
    }

    /// Reads the items one at a time, each parsed on its own and handed to
    /// `body` with its place, then dropped: the whole file parsed at once
    /// held every item's objects together (a 240 MiB file of 100 000 items
    /// peaked at 2.6 GiB). One bad item (cut off, a number out of range,
    /// nested too deep) is reported with its line and the others load.
    /// Whether the text is CSL-JSON, once every item is read, and the line
    /// of text after the items that is none.
    static func readItems(_ document: SourceDocument, _ body: (Int, Item) -> Void) -> (isCSL: Bool, strayLine: Int?) {
        guard let first = document.withUTF8({ $0.first(where: { $0 > 0x20 }) }), first == 0x5B || first == 0x7B else { return (false, nil) }
        let (elements, strayLine) = topLevelObjects(document)
        var objects = 0
        var allNamed = true
        var anyWithKeys = false
        document.withUTF8 { bytes in
            for (position, element) in elements.enumerated() {
                guard element.complete else {
                    body(position, Item(problem: "the file ends inside this item", line: element.line, textIsCSL: anyWithKeys))
                    continue
                }
                let data = Data(UnsafeBufferPointer(rebasing: bytes[element.range]))
                guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                    body(position, Item(problem: "this item is not valid JSON (a number out of range, or nesting too deep?)", line: element.line,
                                        textIsCSL: anyWithKeys))
                    continue
                }
                objects += 1
                allNamed = allNamed && object["id"] != nil && object["type"] is String
                anyWithKeys = anyWithKeys
                    || object.keys.contains { cslKeys.contains($0) } && (object["author"].map { $0 is [Any] } ?? true)
                body(position, Item(object: object, line: element.line, textIsCSL: anyWithKeys))
            }
        }
        return (objects > 0 && (allNamed || anyWithKeys), strayLine)
    }

    /// The objects of the top-level array (or the one object): their bytes,
    /// the line each starts on, and whether it closes before the file ends;
    /// and the line of the first text outside them that is no JSON value
    /// (`[…] trailing words`). Found on the bytes, strings skipped, without
    /// parsing the JSON.
    static func topLevelObjects(_ document: SourceDocument) -> (objects: [(range: Range<Int>, line: Int, complete: Bool)], strayLine: Int?) {
        document.withUTF8 { bytes in
            var objects: [(range: Range<Int>, line: Int, complete: Bool)] = []
            var strayLine: Int?
            var line = 1
            var depth = 0
            var inString = false
            var start = 0
            var index = 0
            var arrayTop = false
            while index < bytes.count {
                // Inside a string only its end, an escape and a line's end matter: passed sixteen bytes at a time
                // (an abstract is most of an item; a byte at a time, this walk was a tenth of reading the file).
                if inString {
                    index = ByteScan.firstIndex(of: 0x22, 0x5C, 0x0A, 0x0A, 0x0A, in: bytes, from: index)
                    guard index < bytes.count else { break }
                }
                let byte = bytes[index]
                if byte == 0x0A { line += 1 }
                if inString {
                    if byte == 0x5C { index += 1 } else if byte == 0x22 { inString = false }
                } else if depth == 0, byte != 0x7B, byte != 0x5B, byte > 0x20 {
                    strayLine = strayLine ?? line
                } else {
                    switch byte {
                    case 0x22: inString = true
                    case 0x7B, 0x5B:
                        if depth == 0 { arrayTop = byte == 0x5B }
                        if byte == 0x7B && (depth == 1 && arrayTop || depth == 0) {
                            start = index
                            objects.append((index..<bytes.count, line, false))
                        }
                        depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if byte == 0x7D && (depth == 1 && arrayTop || depth == 0 && !arrayTop), let last = objects.indices.last {
                            objects[last].range = start..<(index + 1)
                            objects[last].complete = true
                        }
                    default: break
                    }
                }
                index += 1
            }
            return (objects, strayLine)
        }
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        records(of: document, keepingLongTexts: false, progress: nil) ?? ImportResult()
    }

    /// Recognising reads the whole file: the records are made as it is read.
    public func importIfRecognised(_ document: SourceDocument, context: inout ImportContext) -> ImportResult? {
        records(of: document, keepingLongTexts: context.keepsLongTexts, progress: context.progress)
    }

    /// Each item's record, made as the item is read; nil when the text is not CSL-JSON.
    private func records(of document: SourceDocument, keepingLongTexts: Bool, progress: ReadingProgress?) -> ImportResult? {
        var result = ImportResult()
        var runs = RecordRuns(keepingLongTexts: keepingLongTexts, progress: progress)
        let (isCSL, strayLine) = Self.readItems(document) { position, entry in
            let line = entry.line
            guard let item = entry.object else {
                result.diagnostics.append(Diagnostic(path: document.path, line: line, severity: .warning,
                                                     message: "item \(position + 1): \(entry.problem ?? "unreadable"); skipped"))
                return
            }
            let fields = JSONFields(item)
            let title = fields.string("title").map { Self.withoutMarkup($0).whitespaceNormalised } ?? ""
            if title.isEmpty {
                result.diagnostics.append(Diagnostic(path: document.path, line: line, severity: .warning,
                                                     message: "item \(position + 1) (\(fields.string("id") ?? "no id")) has no title"))
            }
            var record = Record(kind: .paper, title: title)
            record.citationKey = fields.string("citation-key", "id")
            record.type = fields.string("type")
            record.authors = Self.names(fields.value(["author"]))
            record.editors = Self.names(fields.value(["editor"]))
            record.seriesEditors = Self.names(fields.value(["collection-editor"]))
            record.translators = Self.names(fields.value(["translator"]))
            record.date = Self.issued(fields.value(["issued"]))
            record.container = fields.string("container-title", "collection-title").map(Self.withoutMarkup)
            record.volume = fields.string("volume")
            record.issue = fields.string("issue")
            record.pages = fields.string("page").map(ContainerCitation.normalisedPages)
            record.publisher = fields.string("publisher")
            record.doi = fields.string("DOI").flatMap(Identifiers.doi(field:))
            record.url = fields.string("URL").flatMap(WebAddress.normalised)
            record.publisherPlace = fields.string("publisher-place")
            record.issn = Identifiers.issns(in: fields.string("ISSN") ?? "")
            record.abstract = fields.string("abstract").map(\.whitespaceNormalised)
            record.keywords = fields.string("keyword").map(Keywords.split) ?? []
            record.language = fields.string("language").flatMap { LanguageCodes.code(for: $0) ?? $0 }
            record.attachments = AttachmentFields.paths(fields.string("file").map { [$0] } ?? [], libraryPath: document.path)
            record.source = SourceReference(path: document.path, format: format, bodyLine: line)
            result.records.append(record)
            runs.made(&result.records, handingOver: entry.textIsCSL)
        }
        if isCSL { runs.made(&result.records, last: true) }
        if let strayLine {
            result.diagnostics.append(Diagnostic(path: document.path, line: strayLine, severity: .warning,
                                                 message: "text after the items is not JSON; ignored"))
        }
        return isCSL ? result : nil
    }

    /// `[{"family": …, "given": …, "suffix": …}, {"literal": …}]`; the
    /// particles (`dropping-particle`, `non-dropping-particle`) go with the
    /// family name, as ostrom keeps them; a name may have only `given`.
    static func names(_ value: Any?) -> [Person] {
        (value as? [Any] ?? []).compactMap { entry in
            guard let fields = (entry as? [String: Any]).map(JSONFields.init) else { return nil }
            if let literal = fields.string("literal") { return Person(literal: literal) }
            let given = fields.string("given")
            let suffix = fields.string("suffix")
            guard let family = fields.string("family") else { return given.map { Person(given: $0, suffix: suffix) } }
            let particles = [fields.string("dropping-particle"), fields.string("non-dropping-particle")].compactMap { $0 }
            return Person(family: (particles + [family]).joined(separator: " "), given: given, suffix: suffix)
        }
    }

    /// CSL's inline markup (`<i>`, `<b>`, `<sup>`, `<sub>`, `<span
    /// class="nocase">`, small caps) removed: titles are plain text here.
    static func withoutMarkup(_ text: String) -> String {
        // On the bytes: `contains("<")` took Foundation's search, through NSString (2 % of reading a file).
        guard text.utf8.contains(0x3C) else { return text }
        return text.replacing(markup, with: "")
    }

    private nonisolated(unsafe) static let markup = try! Regex(#"</?(i|b|sup|sub|span)(\s[^<>]*)?>"#)

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
