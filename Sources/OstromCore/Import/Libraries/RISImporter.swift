/// RIS files (EndNote, Zotero, Mendeley, PubMed, Rayyan exports),
/// recognised by content: `TY  - ` lines (one space before the dash is
/// read too). Each record runs from TY to ER; text between records is
/// ignored; a last record without ER still counts (and is reported).
/// Authors keep their roles: AU/A1 authors, A2 editors, A3 series
/// editors, A4 translators, as RIS and Zotero define them.
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
        // The first 64 KB are enough, and cheap however large the file (its
        // bytes: the text of a 200 MB file was decoded whole for them).
        document.withUTF8 { bytes in
            bytes.prefix(64 << 10).split(separator: 0x0A).contains { line in
                line.first == 0x54 && Self.tagLine(String(decoding: line, as: UTF8.self))?.0 == "TY"
            }
        }
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        importRecords(from: document, keepingLongTexts: false, progress: nil)
    }

    public func importIfRecognised(_ document: SourceDocument, context: inout ImportContext) -> ImportResult? {
        recognises(document)
            ? importRecords(from: document, keepingLongTexts: context.keepsLongTexts, progress: context.progress) : nil
    }

    private func importRecords(from document: SourceDocument, keepingLongTexts: Bool, progress: ReadingProgress?) -> ImportResult {
        var result = ImportResult()
        var runs = RecordRuns(keepingLongTexts: keepingLongTexts, progress: progress)
        var tags: [(tag: String, value: String)] = []
        var start = 0
        var open = false
        var index = -1
        // A line at a time: a large file's lines are not all held at once.
        document.forEachLine { line in
            index += 1
            guard let (tag, value) = Self.tagLine(line) else {
                // A line without a tag continues the previous value (wrapped
                // abstracts); after a keyword it is the next keyword (EndNote, PubMed).
                if open, !line.trimmed.isEmpty, let last = tags.indices.last {
                    if tags[last].tag == "KW" { tags.append(("KW", line.trimmed)) } else { tags[last].value += " " + line.trimmed }
                }
                return
            }
            switch tag {
            case "TY":
                if open { result.append(finish(tags, line: start, document: document)) }
                runs.made(&result.records)
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
        runs.made(&result.records, last: true)
        return result
    }

    /// "2016", "2016/03/05/", "2016/03//" or a date in words.
    static func date(_ text: String) -> PartialDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return DateParsing.date(year: parts.first, month: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil,
                                day: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil) ?? DateParsing.date(from: text)
    }

    /// "AU  - Pestoff, Victor" → ("AU", "Pestoff, Victor"); "TY - JOUR"
    /// (one space) and "ER  -" (nothing after the dash) are tag lines too.
    static func tagLine(_ line: String) -> (String, String)? {
        let bytes = Array(line.utf8.prefix(7))
        guard bytes.count >= 4, bytes[0] >= 0x41 && bytes[0] <= 0x5A, (bytes[1] >= 0x41 && bytes[1] <= 0x5A) || (bytes[1] >= 0x30 && bytes[1] <= 0x39),
              bytes[2] == 0x20 else { return nil }
        let dash = bytes[3] == 0x2D ? 3 : bytes.count > 4 && bytes[3] == 0x20 && bytes[4] == 0x2D ? 4 : nil
        guard let dash, dash + 1 == bytes.count || bytes[dash + 1] == 0x20 || bytes[dash + 1] == 0x0D else { return nil }
        return (String(line.prefix(2)), String(line.dropFirst(dash + 1)).trimmed)
    }

    /// A RIS name: "Family, Given" or "Family, Given, Suffix" (particles
    /// stay with the family name: "van der Kallen, Carla J. H."); a name
    /// without a comma is an organisation's, as Zotero writes them.
    static func person(_ name: String) -> Person? {
        let parts = name.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmed }
        guard parts.count > 1 else {
            // Embase and Ovid write "Fanning E.": a family name, then initials.
            let words = name.split(separator: " ")
            if words.count > 1, let last = words.last, isInitials(last), !PersonNames.isOrganisation(name) {
                return Person(family: words.dropLast().joined(separator: " "), given: String(last))
            }
            return name.trimmed.isEmpty ? nil : Person(literal: name.trimmed)
        }
        guard !parts[0].isEmpty else { return PersonNames.parse(name) }
        let given = parts[1].isEmpty ? nil : parts[1]
        let suffix = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
        return Person(family: parts[0], given: given, suffix: suffix)
    }

    /// "E.", "EA", "E.A.": one to three capitals, each perhaps with a full stop.
    private static func isInitials(_ word: Substring) -> Bool {
        let letters = word.filter { $0 != "." }
        return (1...3).contains(letters.count) && letters.allSatisfy { $0.isUppercase } && word.count <= 6
    }

    private func finish(_ tags: [(tag: String, value: String)], line: Int, document: SourceDocument) -> ImportResult {
        // The first of the names that the record has, in the order given (not the file's).
        func first(_ names: String...) -> String? {
            names.lazy.compactMap { name in tags.first { $0.tag == name && !$0.value.isEmpty }?.value }.first
        }
        func all(_ names: String...) -> [String] { tags.filter { names.contains($0.tag) && !$0.value.isEmpty }.map(\.value) }
        var diagnostics: [Diagnostic] = []
        let title = first("TI", "T1")
        if title == nil {
            diagnostics.append(Diagnostic(path: document.path, line: line, severity: .warning, message: "record has no title (TI or T1)"))
        }
        var record = Record(kind: .paper, title: title ?? "")
        record.citationKey = first("ID")
        record.type = first("TY").flatMap { Self.types[$0.uppercased()] } ?? "document"
        record.authors = all("AU", "A1").compactMap(Self.person)
        record.editors = all("A2").compactMap(Self.person)
        record.seriesEditors = all("A3").compactMap(Self.person)
        record.translators = all("A4").compactMap(Self.person)
        record.container = first("T2", "JF", "JO", "BT", "JA", "J2")
        // PY often gives the year alone and DA the full date: the most precise wins.
        record.date = all("PY", "Y1", "DA").compactMap(Self.date).max { $0.precision < $1.precision }
        record.volume = first("VL")
        record.issue = first("IS")
        if let startPage = first("SP") {
            record.pages = first("EP").map { startPage + "-" + $0 } ?? ContainerCitation.normalisedPages(startPage)
        }
        record.doi = first("DO").flatMap(Identifiers.doi(field:))
        record.url = (all("UR") + all("L2")).lazy.compactMap(WebAddress.normalised).first
        record.abstract = first("AB", "N2").map(\.whitespaceNormalised)
        record.keywords = all("KW")
        record.publisher = first("PB")
        record.publisherPlace = first("CY")
        record.issn = Identifiers.issns(in: all("SN").joined(separator: " "))
        record.language = first("LA").flatMap { LanguageCodes.code(for: $0) ?? $0 }
        record.attachments = AttachmentFields.paths(all("L1", "L4"), libraryPath: document.path)
        record.source = SourceReference(path: document.path, format: format, bodyLine: line)
        return ImportResult(records: [record], diagnostics: diagnostics)
    }
}
