/// Picks the importer for a document by its content, never its file name;
/// a document nobody recognises becomes a note, with a warning.
public struct DocumentRecognizer: Sendable {
    /// Most specific first: a transcript or metadata page may also carry
    /// labels that look like a catalog or an event page.
    public static let standardImporters: [any DocumentImporter] = [
        BibTeXImporter(),
        RISImporter(),
        CSLJSONImporter(),
        ScholarlyMetadataPageImporter(),
        PresentationTranscriptImporter(),
        CatalogRecordImporter(),
        EventAnnouncementImporter(),
        EventPageImporter(),
    ]

    let importers: [any DocumentImporter]

    public init(importers: [any DocumentImporter] = DocumentRecognizer.standardImporters) {
        self.importers = importers
    }

    /// Whether the first bytes of a file are those of a library (BibTeX,
    /// RIS or CSL-JSON), which is imported however large it is.
    public static func startsALibrary(_ head: SourceDocument) -> Bool {
        BibTeXImporter().recognises(head) || RISImporter().recognises(head) || CSLJSONImporter.startsLikeCSL(head)
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var context = ImportContext()
        return importRecords(from: document, context: &context)
    }

    /// The document's records, by the first importer that recognises it;
    /// `context` carries what earlier documents defined.
    public func importRecords(from document: SourceDocument, context: inout ImportContext) -> ImportResult {
        var result = ImportResult(diagnostics: document.decodingDiagnostics)
        guard document.withUTF8({ $0.contains { $0 > 0x20 } }) else {
            result.diagnostics.append(Diagnostic(path: document.path, line: nil, severity: .warning,
                                                 message: "empty document, nothing to import"))
            return result
        }
        for importer in importers {
            if let imported = importer.importIfRecognised(document, context: &context) {
                result.append(imported)
                return result
            }
        }
        result.append(PlainNoteImporter().importRecords(from: document))
        return result
    }
}
