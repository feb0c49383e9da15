import Foundation

/// BibTeX and biblatex files (Zotero, JabRef, Better BibTeX, biber, cobib
/// exports), recognised by content: an `@type{` or `@type(` at the start of
/// a line. Each entry becomes a record whose id is its citation key;
/// `crossref` and `xdata` fill what an entry lacks from its parents.
/// `@xdata` entries are only such parents and `@set` entries only group
/// others: neither is a record.
public struct BibTeXImporter: DocumentImporter {
    public let format = "bibtex"

    /// BibTeX and biblatex entry types as CSL types, as pandoc's biblatex
    /// reader maps them; any other type is a `document`.
    static let types: [String: String] = [
        "article": "article-journal", "periodical": "article-journal", "suppperiodical": "article-journal",
        "book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book", "proceedings": "book",
        "mvproceedings": "book", "reference": "book", "mvreference": "book", "manual": "book",
        "booklet": "pamphlet", "bookinbook": "chapter", "inbook": "chapter", "incollection": "chapter",
        "suppbook": "chapter", "suppcollection": "chapter", "inreference": "entry-encyclopedia",
        "inproceedings": "paper-conference", "conference": "paper-conference",
        "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
        "report": "report", "techreport": "report", "unpublished": "manuscript",
        "online": "webpage", "electronic": "webpage", "www": "webpage",
        "patent": "patent", "dataset": "dataset", "software": "software", "video": "motion_picture",
        "movie": "motion_picture", "audio": "song", "music": "song", "artwork": "graphic", "image": "graphic",
        "letter": "personal_communication", "legislation": "legislation", "jurisdiction": "legal_case",
        "legal": "legal_case", "review": "review", "standard": "standard", "performance": "performance",
    ]

    /// Entry types that are no records of their own.
    static let notRecords: Set<String> = ["xdata", "set"]

    /// Files this large have their records made while they are parsed
    /// (`RecordsWhileParsing`), on two cores or more (on one, the two
    /// threads would take turns); tests make smaller ones so, on any machine.
    var smallestFileMadeWhileParsed = ProcessInfo.processInfo.activeProcessorCount > 1 ? 8 << 20 : Int.max

    public init() {}

    /// Looks at the first 256 KB only, on bytes: a library is recognised
    /// as soon as one line starts with `@name{` or `@name(`.
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
                    // `@ARTICLE {key,` has a space before its brace.
                    let type = bytes[(index + 1)..<end].drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
                    if !type.isEmpty && type.allSatisfy({ $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }) { return true }
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
        document.withUTF8 { importRecords(from: $0, path: document.path, macros: [:]).result }
    }

    /// With the macros of the files read before, and leaving this file's
    /// for the files read after it.
    public func importIfRecognised(_ document: SourceDocument, context: inout ImportContext) -> ImportResult? {
        guard recognises(document) else { return nil }
        let (result, macros) = document.withUTF8 {
            importRecords(from: $0, path: document.path, macros: context.bibTeXMacros, progress: context.progress,
                          givingBack: document.isReadOnce, mapped: document.isMapped, keepingLongTexts: context.keepsLongTexts)
        }
        context.bibTeXMacros = macros
        return result
    }

    /// `givingBack`: the bytes are read once (`EntryBytesRelease`);
    /// `mapped`: they are a mapped file's. A large file's records are made
    /// while it is parsed (`RecordsWhileParsing`), when its bytes need not
    /// stay meanwhile (they are given back as its records are made: the
    /// parse would otherwise hold the whole file and the records made).
    private func importRecords(from bytes: UnsafeBufferPointer<UInt8>, path: String, macros: [String: String],
                               progress: ReadingProgress? = nil, givingBack: Bool = false, mapped: Bool = false,
                               keepingLongTexts: Bool = false) -> (result: ImportResult, macros: [String: String]) {
        var parser = BibTeXParser(bytes: bytes, macros: macros)
        var diagnostics: [Diagnostic] = []
        let records: [Record]
        if bytes.count >= smallestFileMadeWhileParsed && (mapped || !givingBack) {
            nonisolated(unsafe) let bytes = bytes
            let release = givingBack ? EntryBytesRelease(mapped: bytes) : nil
            // Room for as many records as the file has @s: no entry starts without one.
            let atSigns = Self.atSigns(in: bytes)
            progress?.expect(atSigns)
            records = [Record](unsafeUninitializedCapacity: atSigns) { buffer, count in
                let early = RecordsWhileParsing(into: buffer, progress: progress, keepingLongTexts: keepingLongTexts, release: release) { entry in
                    record(entry, fields: Fields(values: entry.fields, bytes: bytes), path: path)
                }
                var taken = TakenEntries(path: path)
                parser.parse(handingOver: RecordsWhileParsing.batchSize) { early.handOver($0, noting: &taken) }
                let made = early.finishParsing()
                diagnostics += taken.diagnostics
                let (entries, byKey, _) = checked(taken.others + parser.entries, of: parser,
                                                  taken: (taken, UnsafeBufferPointer(rebasing: buffer[..<made])), bytes: bytes, path: path,
                                                  givingBack: false, mapped: mapped, diagnostics: &diagnostics)
                buildRecords(entries, into: UnsafeMutableBufferPointer(rebasing: buffer[made...]), byKey: byKey, bytes: bytes, path: path,
                             progress: progress, release: release, keepingLongTexts: keepingLongTexts)
                count = made + entries.count
            }
        } else {
            parser.parse()
            let (entries, byKey, release) = checked(parser.entries, of: parser, bytes: bytes, path: path, givingBack: givingBack, mapped: mapped,
                                                    diagnostics: &diagnostics)
            records = [Record](unsafeUninitializedCapacity: entries.count) { buffer, count in
                buildRecords(entries, into: buffer, byKey: byKey, bytes: bytes, path: path, progress: progress, release: release,
                             keepingLongTexts: keepingLongTexts && entries.count >= LongTextStore.recordsPerStore)
                count = entries.count
            }
        }
        return (ImportResult(records: records, diagnostics: diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }), parser.definedMacros)
    }

    /// How many `@` the bytes hold: counted in parts of `partBytes` on all
    /// cores (a million entries, 2.2 GB: 0.38 s on one, before the first
    /// record is made).
    static func atSigns(in bytes: UnsafeBufferPointer<UInt8>, partBytes: Int = UTF8Validation.partBytes) -> Int {
        bytes.parallelMapParts(partBytes: partBytes, atSigns).reduce(0, +)
    }

    private static func atSigns(in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        guard let base = bytes.base.baseAddress, !bytes.isEmpty else { return 0 }
        var (count, from) = (0, UnsafeRawPointer(base + bytes.startIndex))
        let end = UnsafeRawPointer(base + bytes.endIndex)
        while from < end, let found = memchr(from, 0x40, end - from) {
            count += 1
            from = UnsafeRawPointer(found) + 1
        }
        return count
    }

    /// The record entries of `all` (the parser's, or those it kept once
    /// `taken` were made while it parsed), what each inherits from (by
    /// key, when one does), and what gives their bytes back, with what the
    /// parse and the entries have wrong added to `diagnostics`.
    private func checked(_ all: [BibTeXParser.Entry], of parser: borrowing BibTeXParser,
                         taken: (entries: TakenEntries, records: UnsafeBufferPointer<Record>)? = nil, bytes: UnsafeBufferPointer<UInt8>,
                         path: String, givingBack: Bool, mapped: Bool, diagnostics: inout [Diagnostic])
        -> (entries: [BibTeXParser.Entry], byKey: [String: BibTeXParser.Entry], release: EntryBytesRelease?) {
        diagnostics += parser.problems.map {
            Diagnostic(path: path, line: $0.line, severity: .warning, message: $0.message + "; entry skipped")
        }
        diagnostics += parser.warnings.map { Diagnostic(path: path, line: $0.line, severity: .warning, message: $0.message) }
        // Keys are looked up only to follow a crossref or xdata.
        var byKey: [String: BibTeXParser.Entry] = [:]
        if all.contains(where: { $0.crossref != nil || !$0.xdata.isEmpty }) {
            byKey = Dictionary(all.map { ($0.key.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            if let taken { taken.entries.addParents(to: &byKey, wantedBy: all, records: taken.records, parser: parser) }
        }
        // Usually every entry is a record: then they are not copied (a million took 0.3 s).
        let entries = all.contains { Self.notRecords.contains($0.type) } ? all.filter { !Self.notRecords.contains($0.type) } : all
        for index in entries.indices {
            var hasTitle = entries[index].fields.contains { $0.name == "title" }
            if entries[index].crossref != nil || !entries[index].xdata.isEmpty {
                let inherited = Self.inherited(entries[index], from: byKey)
                if let problem = inherited.problem {
                    diagnostics.append(Diagnostic(path: path, line: entries[index].line, severity: .warning, message: problem))
                }
                hasTitle = inherited.fields.contains { $0.name == "title" }
            }
            diagnostics += Self.lacking(entries[index], hasTitle: hasTitle, path: path)
        }
        let release = givingBack ? EntryBytesRelease(entries: entries, macroBytes: parser.macroBytes, bytes: bytes, mapped: mapped) : nil
        return (entries, byKey, release)
    }

    /// What a record entry lacks: a citation key, a title (its own or inherited).
    static func lacking(_ entry: borrowing BibTeXParser.Entry, hasTitle: Bool, path: String) -> [Diagnostic] {
        var lacks: [Diagnostic] = []
        if entry.key.isEmpty {
            lacks.append(Diagnostic(path: path, line: entry.line, severity: .warning,
                                    message: "@\(entry.type) entry has no citation key; it gets an id of its own"))
        }
        if !hasTitle {
            lacks.append(Diagnostic(path: path, line: entry.line, severity: .warning,
                                    message: "entry \(entry.key.isEmpty ? "@" + entry.type : entry.key) has no title"))
        }
        return lacks
    }

    /// Entries are turned into records on all cores, in parts of at least this many.
    static let entriesPerPart = 1000

    /// The records of `entries`, in order, into their places in `buffer`.
    /// Turning fields into records (and the file's bytes into strings) is
    /// most of a large file's loading time, so the entries are split into
    /// one part per core, each written straight into its place; `progress`
    /// is told how many are made, and `release` given the bytes of those
    /// made, a thousand at a time. `keepingLongTexts`: the long texts are
    /// kept together as their records are made (`LongTextStore`), to be
    /// compressed later.
    private func buildRecords(_ entries: [BibTeXParser.Entry], into buffer: UnsafeMutableBufferPointer<Record>,
                              byKey: [String: BibTeXParser.Entry], bytes: UnsafeBufferPointer<UInt8>, path: String,
                              progress: ReadingProgress?, release: EntryBytesRelease?, keepingLongTexts: Bool) {
        precondition(entries.count <= buffer.count, "more entries than room for their records")
        nonisolated(unsafe) let (bytes, buffer) = (bytes, buffer)
        let count = entries.count
        guard count > 0 else { return }
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / Self.entriesPerPart))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            guard !range.isEmpty else { return }
            // This part's entries lie from its first one's start to its last one's end.
            var madeUpTo = entries[range.lowerBound].bytes.lowerBound
            var keptUpTo = range.lowerBound
            for index in range {
                let fields = Fields(values: Self.inherited(entries[index], from: byKey).fields, bytes: bytes)
                (buffer.baseAddress! + index).initialize(to: record(entries[index], fields: fields, path: path))
                if keepingLongTexts, index + 1 - keptUpTo == LongTextStore.recordsPerStore || index + 1 == range.upperBound {
                    LongTextStore.keep(UnsafeMutableBufferPointer(rebasing: buffer[keptUpTo...index]))
                    keptUpTo = index + 1
                }
                guard (index - range.lowerBound) % 1000 == 999 else { continue }
                progress?.add(1000)
                release?.giveBack(madeUpTo..<entries[index].bytes.upperBound)
                madeUpTo = entries[index].bytes.upperBound
            }
            progress?.add(range.count % 1000)
            release?.giveBack(madeUpTo..<entries[range.upperBound - 1].bytes.upperBound)
        }
    }

    /// How many parents a `crossref` chain may have (BibTeX itself follows
    /// one; a chain of thousands would cost each of its entries the whole chain).
    static let maximumCrossrefDepth = 16

    /// The entry's fields followed by its `xdata` entries' and its
    /// `crossref` chain's, so that the first of a name wins; a cycle or a
    /// missing parent is reported.
    static func inherited(_ entry: BibTeXParser.Entry, from byKey: [String: BibTeXParser.Entry])
        -> (fields: [(name: String, value: BibTeXParser.Value)], problem: String?) {
        guard entry.crossref != nil || !entry.xdata.isEmpty else { return (entry.fields, nil) }
        var fields = entry.fields
        for key in entry.xdata {
            guard let data = byKey[key.lowercased()] else { return (fields, "xdata “\(key)” is not in the file") }
            // One level: an xdata entry's own xdata is rare and biber warns of cycles there.
            fields += data.fields
        }
        var seen: Set<String> = [entry.key.lowercased()]
        var parent = entry
        while let key = parent.crossref?.lowercased() {
            guard !seen.contains(key) else { return (fields, "crossref cycle through “\(key)”") }
            guard seen.count <= Self.maximumCrossrefDepth else {
                return (fields, "crossref chain deeper than \(Self.maximumCrossrefDepth) (at “\(key)”); the rest is not inherited")
            }
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
        let values: [(name: String, value: BibTeXParser.Value)]
        let bytes: UnsafeBufferPointer<UInt8>
        /// A bit for each name's length and first letter (`bit`): half the
        /// names a record asks for are not in the entry (`editor`, `school`,
        /// `file`…), and each went through every field.
        private let names: UInt64

        init(values: [(name: String, value: BibTeXParser.Value)], bytes: UnsafeBufferPointer<UInt8>) {
            self.values = values
            self.bytes = bytes
            names = values.reduce(0) { $0 | Self.bit($1.name) }
        }

        private static func bit(_ name: String) -> UInt64 {
            1 << (UInt64(truncatingIfNeeded: name.utf8.count &* 31 &+ Int(name.utf8.first ?? 0)) & 63)
        }

        func value(_ name: String) -> BibTeXParser.Value? {
            guard names & Self.bit(name) != 0 else { return nil }
            // Lengths first: comparing two different short strings costs a call.
            return values.first { $0.name.utf8.count == name.utf8.count && $0.name == name }?.value
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

    /// A verbatim field's text: braces dropped, `\_`, `\%`, `\&`, `\#` and `\$` unescaped.
    static func verbatim(_ raw: String) -> String {
        guard raw.utf8.contains(where: { $0 == 0x5C || $0 == 0x7B || $0 == 0x7D }) else { return raw }
        var text = raw.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
        for escape in ["_", "%", "&", "#", "$"] { text = text.replacingOccurrences(of: "\\" + escape, with: escape) }
        return text
    }

    /// A year or date field: `2019`, `2019-03-05`, and what real files
    /// hold besides (`2023a`, `-0050`, a range `1034/` or `2010/2012`,
    /// `[1998]`): the first year written.
    static func date(_ text: String) -> PartialDate? {
        if let year = Int(text) { return PartialDate(year: year) }
        if let date = DateParsing.date(from: text) { return date }
        let bytes = Array(text.utf8)
        guard var start = bytes.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var end = start
        while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, end - start < 4 { end += 1 }
        let negative = start > 0 && bytes[start - 1] == 0x2D && (start == 1 || bytes[start - 2] == 0x20)
        if negative { start -= 1 }
        return Int(String(decoding: bytes[start..<end], as: UTF8.self)).map { PartialDate(year: $0) }
    }

    private func record(_ entry: BibTeXParser.Entry, fields: Fields, path: String) -> Record {
        let text = fields.text
        var record = Record(kind: .paper, title: text("title") ?? "")
        record.citationKey = entry.key.isEmpty ? nil : entry.key
        record.type = Self.types[entry.type] ?? "document"
        record.authors = fields.people("author") ?? []
        record.editors = fields.people("editor") ?? []
        record.translators = fields.people("translator") ?? []
        if let yearText = text("year") ?? text("date"), let date = Self.date(yearText) {
            let month = text("month").flatMap { Int($0) ?? DateParsing.monthNumbers[$0.lowercased()] }
            record.date = date.month == nil && month != nil ? PartialDate(year: date.year, month: month, day: Int(text("day") ?? "")) : date
        }
        record.container = text("journal") ?? text("journaltitle") ?? text("booktitle") ?? text("series")
        record.volume = text("volume")
        record.issue = text("number") ?? text("issue")
        record.pages = text("pages").map(ContainerCitation.normalisedPages)
        record.publisher = text("publisher") ?? text("school") ?? text("institution") ?? text("organization")
        // A verbatim field in biblatex: only the escapes BibTeX exports add are undone.
        record.doi = fields.raw("doi").map(Self.verbatim).flatMap(Identifiers.doi(field:))
        record.url = fields.raw("url").flatMap(WebAddress.normalised)
        record.publisherPlace = text("address") ?? text("location")
        record.issn = text("issn").map(Identifiers.issns) ?? []
        record.language = text("language").flatMap { LanguageCodes.code(for: $0) ?? $0 }
        record.abstract = text("abstract")
        record.keywords = text("keywords").map(Keywords.split) ?? []
        // Verbatim in biblatex; JabRef's escapes are undone by the reader.
        record.attachments = ["file", "pdf"].flatMap { name in fields.raw(name).map { AttachmentFields.bibTeX($0, libraryPath: path) } ?? [] }
        record.source = SourceReference(path: path, format: format, bodyLine: entry.line)
        return record
    }
}
