/// Keeps text no importer recognises: the first line is the title, the rest
/// the body. Never drops a document, and says so.
public struct PlainNoteImporter: DocumentImporter {
    public let format = "text"

    public init() {}

    static let warning = "no importer recognised this document; kept as a note"

    public func recognises(_ document: SourceDocument) -> Bool { true }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        let content = document.contentLineIndices
        guard let titleIndex = content.first else { return ImportResult() }
        var record = Record(kind: .note, title: document.lines[titleIndex].trimmed)
        let rest = document.lines[(titleIndex + 1)...].joined(separator: "\n").trimmed
        record.body = rest.isEmpty ? nil : rest
        record.source = SourceReference(path: document.path, format: format,
                                        bodyLine: rest.isEmpty ? nil : content.dropFirst().first.map { $0 + 1 })
        let warning = Diagnostic(path: document.path, line: titleIndex + 1, severity: .warning, message: Self.warning)
        return ImportResult(records: [record], diagnostics: [warning])
    }
}
