/// Records as RIS, one `TY` to `ER` block each, which `RISImporter`,
/// Zotero and EndNote read back.
public enum RISExporter {
    /// CSL types to RIS types; `RISImporter.types` maps them back.
    static let risTypes: [String: String] = [
        "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS", "book": "BOOK",
        "chapter": "CHAP", "paper-conference": "CPAPER", "thesis": "THES", "report": "RPRT",
        "webpage": "ELEC", "manuscript": "UNPB",
    ]

    public static func text(of records: [Record]) -> String {
        records.map(block).joined(separator: "\n")
    }

    static func block(_ record: Record) -> String {
        var lines: [String] = []
        func add(_ tag: String, _ value: String?) {
            guard let value else { return }
            let clean = ExportText.clean(value)
            if !clean.isEmpty { lines.append("\(tag)  - \(clean)") }
        }
        add("TY", record.type.flatMap { risTypes[$0] } ?? "GEN")
        add("ID", record.citationKey ?? record.id)
        add("TI", record.title)
        for person in record.authors.isEmpty ? record.speakers : record.authors { add("AU", person.literal ?? person.sortName) }
        for person in record.editors { add("A2", person.literal ?? person.sortName) }
        for person in record.seriesEditors { add("A3", person.literal ?? person.sortName) }
        for person in record.translators { add("A4", person.literal ?? person.sortName) }
        if let date = ExportText.date(of: record) {
            add("PY", String(date.year))
            add("DA", [String(date.year), date.month.map(PartialDate.twoDigits) ?? "", date.day.map(PartialDate.twoDigits) ?? "", ""].joined(separator: "/"))
        }
        add("T2", record.container)
        add("VL", record.volume)
        add("IS", record.issue)
        if let pages = record.pages {
            let parts = pages.split(separator: "-", maxSplits: 1).map(String.init)
            add("SP", parts.first)
            add("EP", parts.count > 1 ? parts[1] : nil)
        }
        add("PB", record.publisher)
        add("CY", record.publisherPlace)
        add("DO", record.doi)
        add("UR", record.url)
        for issn in record.issn { add("SN", issn) }
        add("LA", record.language)
        add("AB", record.abstract)
        for keyword in record.keywords { add("KW", keyword) }
        lines.append("ER  - ")
        return lines.joined(separator: "\n") + "\n"
    }
}
