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
        var macros: [String: String] = [:]
        return importRecords(from: document, bibTeXMacros: &macros)
    }

    /// The document's records; a BibTeX file uses the `@string` macros of
    /// the files read before it and adds its own to `bibTeXMacros`.
    public func importRecords(from document: SourceDocument, bibTeXMacros: inout [String: String]) -> ImportResult {
        var result = ImportResult(diagnostics: document.decodingDiagnostics)
        guard document.withUTF8({ $0.contains { $0 > 0x20 } }) else {
            result.diagnostics.append(Diagnostic(path: document.path, line: nil, severity: .warning,
                                                 message: "empty document, nothing to import"))
            return result
        }
        let importer = importers.first { $0.recognises(document) } ?? PlainNoteImporter()
        if importer is BibTeXImporter {
            let (imported, macros) = BibTeXImporter(macros: bibTeXMacros).importRecordsAndMacros(from: document)
            result.append(imported)
            bibTeXMacros = macros
        } else {
            result.append(importer.importRecords(from: document))
        }
        return result
    }
}
