/// A presentation's transcript page (Prezi and the like): the title, "by"
/// and the author, "on" and the date, page furniture, then
/// "Transcript of <title>", the transcript, and "Full transcript".
public struct PresentationTranscriptImporter: DocumentImporter {
    public let format = "presentation-transcript"

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        Self.transcriptStart(in: document) != nil
    }

    static func transcriptStart(in document: SourceDocument) -> Int? {
        document.lines.firstIndex { $0.trimmed.lowercased().hasPrefix("transcript of ") }
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        guard let start = Self.transcriptStart(in: document) else { return ImportResult() }
        var diagnostics: [Diagnostic] = []
        let header = Array(document.lines[..<start].map(\.trimmed))
        let title = String(document.lines[start].trimmed.dropFirst("transcript of ".count)).trimmed
        var record = Record(kind: .transcript, title: title.isEmpty ? (header.first { !$0.isEmpty } ?? "") : title)

        let (author, date) = Self.byline(header)
        if let author, let person = PersonNames.parse(author) { record.authors = [person] }
        record.date = date
        if author == nil {
            diagnostics.append(Diagnostic(path: document.path, line: start + 1, severity: .warning, message: "no author (“by …”) above the transcript"))
        }

        let end = document.lines[(start + 1)...].firstIndex { $0.trimmed.lowercased() == "full transcript" } ?? document.lines.count
        let bodyLines = document.lines[(start + 1)..<end]
        let first = bodyLines.firstIndex { !$0.trimmed.isEmpty }
        let last = bodyLines.lastIndex { !$0.trimmed.isEmpty }
        if let first, let last {
            record.body = document.lines[first...last].joined(separator: "\n")
        }
        record.source = SourceReference(path: document.path, format: format, bodyLine: first.map { $0 + 1 })
        return ImportResult(records: [record], diagnostics: diagnostics)
    }

    /// The author after a "by" line (or "by X" inline) and the date on an
    /// "on …" line (or any date after the author).
    static func byline(_ header: [String]) -> (author: String?, date: PartialDate?) {
        var author: String?
        var authorIndex = 0
        for (index, line) in header.enumerated() {
            let lower = line.lowercased()
            if lower == "by" {
                if let next = header[(index + 1)...].firstIndex(where: { !$0.isEmpty }) {
                    author = header[next]
                    authorIndex = next
                }
            } else if lower.hasPrefix("by ") {
                var name = String(line.dropFirst(3))
                if let on = name.range(of: " on ") { name = String(name[..<on.lowerBound]) }
                author = name.trimmed
                authorIndex = index
            }
        }
        var date: PartialDate?
        for line in header[authorIndex...] {
            let text = line.lowercased().hasPrefix("on ") ? String(line.dropFirst(3)) : line
            if let found = DateParsing.firstDate(in: text) {
                date = found.date
                break
            }
        }
        return (author, date)
    }
}
