/// Recognises one genre of document by its content and turns it into
/// records.
public protocol DocumentImporter: Sendable {
    /// The genre name recorded in `source.format`.
    var format: String { get }
    /// Whether the document's content looks like this genre.
    func recognises(_ document: SourceDocument) -> Bool
    /// The records in the document, with warnings for what could not be read.
    func importRecords(from document: SourceDocument) -> ImportResult
    /// The records when the document is of this genre, else nil. By default
    /// `recognises`, then `importRecords`; an importer whose recognising
    /// reads the whole document (CSL-JSON) does both at once, and one that
    /// uses what earlier documents defined (BibTeX's macros) takes the context.
    func importIfRecognised(_ document: SourceDocument, context: inout ImportContext) -> ImportResult?
}

extension DocumentImporter {
    public func importIfRecognised(_ document: SourceDocument, context: inout ImportContext) -> ImportResult? {
        recognises(document) ? importRecords(from: document) : nil
    }
}

/// What the documents read before one leave for it: the `@string` macros
/// of BibTeX files (`ostrom defs.bib papers.bib` works as
/// `\bibliography{defs,papers}` does).
public struct ImportContext: Sendable {
    public var bibTeXMacros: [String: String] = [:]
    /// Told how many records are made, when someone shows it.
    public var progress: ReadingProgress?
    /// Whether a large file's long texts are kept together as its records
    /// are made (`LongTextStore`), for a reader that compresses them later.
    public var keepsLongTexts = false

    public init() {}
}

/// What importing gave: records (ids not yet assigned) and diagnostics.
public struct ImportResult: Sendable {
    public var records: [Record]
    public var diagnostics: [Diagnostic]

    public init(records: [Record] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }

    /// Adds another result after this one; the first one added is taken
    /// whole, without copying its records (a large library's are many).
    mutating func append(_ other: consuming ImportResult) {
        if records.isEmpty { records = other.records } else { records.append(contentsOf: other.records) }
        if diagnostics.isEmpty { diagnostics = other.diagnostics } else { diagnostics.append(contentsOf: other.diagnostics) }
    }
}
