/// Records as BibTeX entries that `BibTeXImporter`, bibtexparser and pandoc
/// read back with the same fields. Text stays UTF-8; only the characters
/// BibTeX and LaTeX treat specially are escaped.
public enum BibTeXExporter {
    /// CSL types to entry types; `BibTeXImporter.types` maps them back.
    static let entryTypes: [String: String] = [
        "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
        "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "thesis": "phdthesis",
        "report": "techreport", "manuscript": "unpublished", "webpage": "online",
    ]

    public static func text(of records: [Record]) -> String {
        var keys = CitationKeys()
        return records.map { entry($0, key: keys.unique(for: $0)) }.joined(separator: "\n")
    }

    static func entry(_ record: Record, key: String) -> String {
        let type = record.type.flatMap { entryTypes[$0] } ?? "misc"
        var fields: [(String, String)] = []
        func add(_ name: String, _ value: String?) {
            guard let clean = value.map(ExportText.clean), !clean.isEmpty else { return }
            fields.append((name, escaped(clean)))
        }
        add("title", record.title)
        let authors = record.authors.isEmpty ? record.speakers : record.authors
        if !authors.isEmpty { fields.append(("author", authors.map(name).joined(separator: " and "))) }
        if !record.editors.isEmpty { fields.append(("editor", record.editors.map(name).joined(separator: " and "))) }
        if !record.translators.isEmpty { fields.append(("translator", record.translators.map(name).joined(separator: " and "))) }
        if let date = ExportText.date(of: record) {
            add("year", String(date.year))
            add("month", date.month.map(String.init))
            add("day", date.day.map(String.init))
        }
        add(["incollection", "inproceedings"].contains(type) ? "booktitle" : "journal", record.container)
        add("volume", record.volume)
        add("number", record.issue)
        add("pages", record.pages)
        if let last = fields.last, last.0 == "pages" { fields[fields.count - 1].1 = last.1.replacingOccurrences(of: "-", with: "--") }
        add(type == "phdthesis" ? "school" : type == "techreport" ? "institution" : "publisher", record.publisher)
        add("address", record.publisherPlace)
        // Verbatim, as biblatex's doi and url fields are (pandoc would read
        // `\_` into a DOI); only braces would break the entry.
        for (name, value) in [("doi", record.doi), ("url", record.url)] {
            if let value = value.map(ExportText.clean), !value.isEmpty {
                fields.append((name, value.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")))
            }
        }
        add("issn", record.issn.isEmpty ? nil : record.issn.joined(separator: ", "))
        add("language", record.language)
        add("abstract", record.abstract)
        add("keywords", record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "))
        if !record.attachments.isEmpty { fields.append(("file", record.attachments.map(fileField).joined(separator: ";"))) }
        let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
        return "@\(type){\(key),\n\(body)\n}\n"
    }

    /// JabRef's form, `Description:path:Type`, with `\`, `:` and `;` escaped.
    static func fileField(_ attachment: RecordAttachment) -> String {
        let escape = { (text: String) in
            ExportText.clean(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
                .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
        }
        return [attachment.description ?? "", attachment.path, attachment.type ?? ""].map(escape).joined(separator: ":")
    }

    /// "Family, Given", or "Family, Suffix, Given"; an organisation's name
    /// braced so it stays whole.
    static func name(_ person: Person) -> String {
        if let literal = person.literal {
            return literal == "others" ? "others" : "{" + escaped(ExportText.clean(literal)) + "}"
        }
        guard let family = person.family else { return "{" + escaped(ExportText.clean(person.given ?? "")) + "}" }
        let suffix = person.suffix.map { ", " + escaped(ExportText.clean($0)) } ?? ""
        return escaped(ExportText.clean(family)) + (person.given.map { suffix + ", " + escaped(ExportText.clean($0)) } ?? suffix)
    }

    /// Escapes what BibTeX or LaTeX would read as markup, so that
    /// `LaTeXText.plainText` gives the text back.
    static func escaped(_ text: String) -> String {
        var output = ""
        var previous: Character?
        for character in text {
            switch character {
            case "&", "%", "$", "#", "_", "{", "}": output += "\\\(character)"
            case "\\": output += "\\textbackslash{}"
            case "~": output += "\\textasciitilde{}"
            // `\string^`, not `\textasciicircum{}`: bibtexparser reads the latter as ˆ (U+02C6).
            case "^": output += "\\string^"
            // Pairs that LaTeX reads as a dash or a quote are kept apart.
            case "-" where previous == "-", "'" where previous == "'", "`" where previous == "`": output += "{}\(character)"
            default: output.append(character)
            }
            previous = character
        }
        return output
    }
}

/// Citation keys for an export: the record's own key or id, reduced to the
/// characters BibTeX allows in a key, made unique with a letter suffix.
struct CitationKeys {
    private var used: Set<String> = []

    mutating func unique(for record: Record) -> String {
        let allowed = (record.citationKey ?? record.id).unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || "-_:./".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        }
        let base = allowed.isEmpty ? "record" : String(allowed)
        var key = base
        var suffix = 0
        while used.contains(key.lowercased()) {
            suffix += 1
            key = base + String(suffix)
        }
        used.insert(key.lowercased())
        return key
    }
}
