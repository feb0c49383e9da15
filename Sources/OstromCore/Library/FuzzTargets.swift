import Foundation

/// The parsers that read what users and other programs write, each as a
/// function of bytes, for `Scripts/fuzz.sh` (libFuzzer) and for the tests
/// that replay what fuzzing found (`Tests/FuzzRegressions/TARGET/`).
/// Every target must return, whatever the bytes, without crashing.
public enum FuzzTargets {
    public static let names = [
        "bibtex", "ris", "csljson", "scholarly-page", "transcript", "catalog", "event-announcement", "event-page",
        "plain-note", "latex", "names", "query", "record-coding", "legacy-state", "record-json", "config-lines", "index-file",
    ]

    /// Runs one target on `data`; false for an unknown name.
    @discardableResult
    public static func run(_ name: String, _ data: Data) -> Bool {
        let document = SourceDocument(path: "fuzz", bytes: data)
        var context = ImportContext()
        switch name {
        case "bibtex": _ = BibTeXImporter().importIfRecognised(document, context: &context)
        case "ris": _ = RISImporter().importRecords(from: document)
        case "csljson": _ = CSLJSONImporter().importIfRecognised(document, context: &context)
        case "scholarly-page": _ = ScholarlyMetadataPageImporter().importRecords(from: document)
        case "transcript": _ = PresentationTranscriptImporter().importRecords(from: document)
        case "catalog": _ = CatalogRecordImporter().importRecords(from: document)
        case "event-announcement": _ = EventAnnouncementImporter().importRecords(from: document)
        case "event-page": _ = EventPageImporter().importRecords(from: document)
        case "plain-note": _ = PlainNoteImporter().importRecords(from: document)
        case "latex": _ = data.withUnsafeBytes { LaTeXText.plainText($0.bindMemory(to: UInt8.self)) }
        case "names":
            _ = data.withUnsafeBytes { BibTeXNames.people($0.bindMemory(to: UInt8.self)) }
            _ = PersonNames.parseList(String(decoding: data, as: UTF8.self))
        case "query":
            let text = String(decoding: data, as: UTF8.self)
            _ = try? SearchQuery.parse(text)
            _ = try? SearchQuery.parse(text, typing: true)
            _ = try? SearchQuery.parse(SearchQuery.typed(text, cursor: text.count / 2), typing: true)
            _ = try? StateFilter.split(text, names: .builtIn)
        case "record-coding": _ = data.withUnsafeBytes { try? RecordCoding.decode($0) }
        case "legacy-state":
            _ = try? LegacyStateFiles.annotations(in: data)
            _ = try? LegacyStateFiles.readingPositions(in: data)
        case "record-json":
            _ = try? LegacyStateFiles.records(in: data, path: "fuzz")
            let original = Record(id: "x", kind: .paper, title: "")
            _ = try? RecordEditing.record(from: String(decoding: data, as: UTF8.self), as: .json, original: original)
            _ = try? RecordEditing.record(from: String(decoding: data, as: UTF8.self), as: .bibtex, original: original)
        case "config-lines":
            let text = String(decoding: data, as: UTF8.self)
            _ = TOMLSourceLines(text).line(table: "keys", key: "j")
            _ = TOMLPrecheck.firstProblem(in: text)
        case "index-file":
            // Its sections, as if the checksum (which the file's reader checks first) had passed.
            let block = IndexFile.Block(count: data.count)
            data.withUnsafeBytes { if let base = $0.baseAddress { block.base.copyMemory(from: base, byteCount: data.count) } }
            var records = 0
            if data.count >= 16 {
                let stamp = data.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) }
                let counts = 16 + IndexFile.padded(stamp)
                if counts + 8 <= data.count {
                    records = data.withUnsafeBytes { Int(truncatingIfNeeded: $0.loadUnaligned(fromByteOffset: counts, as: UInt64.self)) }
                }
            }
            _ = try? SearchIndex(count: records, file: block)
        default: return false
        }
        return true
    }
}
