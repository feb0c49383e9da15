/// Recognises one genre of document by its content and turns it into
/// records.
public protocol DocumentImporter: Sendable {
    /// The genre name recorded in `source.format`.
    var format: String { get }
    /// Whether the document's content looks like this genre.
    func recognises(_ document: SourceDocument) -> Bool
    /// The records in the document, with warnings for what could not be read.
    func importRecords(from document: SourceDocument) -> ImportResult
}

/// What importing gave: records (ids not yet assigned) and diagnostics.
public struct ImportResult: Sendable {
    public var records: [Record]
    public var diagnostics: [Diagnostic]

    public init(records: [Record] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }

    mutating func append(_ other: ImportResult) {
        records.append(contentsOf: other.records)
        diagnostics.append(contentsOf: other.diagnostics)
    }
}
