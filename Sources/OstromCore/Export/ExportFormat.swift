/// The forms records are exported in, by `ostrom export` and the browser's
/// `:export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case bibtex, ris, csljson, json, markdown

    /// The whole document (`ostrom export --format json` streams its array instead).
    public func document(of records: [Record], now: LocalDateTime) -> String {
        switch self {
        case .bibtex: BibTeXExporter.text(of: records)
        case .ris: RISExporter.text(of: records)
        case .csljson: CSLJSONExporter.value(of: records).serialized() + "\n"
        case .json: RecordJSON.value(of: records, now: now).serialized() + "\n"
        case .markdown: APAReferenceList.markdown(of: records)
        }
    }
}
