/// A library catalog's record page (VuFind and the like), in German or
/// English: the title first, then labelled fields (`Veröffentlicht in` /
/// `Published in`, `Hauptverfasser` / `Main Authors`, `Zusammenfassung` /
/// `Summary`, ISSN, DOI…) among page furniture that is dropped.
public struct CatalogRecordImporter: DocumentImporter {
    public let format = "catalog-record-page"

    enum Field: Hashable, Sendable {
        case container, authors, otherAuthors, corporateAuthor, format, language, keywords, abstract
        case issn, doi, year, publisher, ignored
    }

    static let labels = LabelTable<Field>([
        .container: ["Veröffentlicht in", "Published in", "Enthalten in", "In", "Quelle", "Source", "Journal", "Zeitschrift"],
        .authors: ["Hauptverfasser", "Hauptverfasserin", "Verfasser", "Verfasserin", "Main Authors", "Main Author",
                   "Author", "Authors", "Autor", "Autorin", "Autoren"],
        .otherAuthors: ["Weitere Verfasser", "Other Authors", "Beteiligte", "Mitwirkende", "Contributors"],
        .corporateAuthor: ["Körperschaft", "Corporate Author", "Corporate Authors"],
        .format: ["Format", "Medientyp", "Dokumenttyp", "Document Type", "Publikationstyp"],
        .language: ["Sprache", "Language"],
        .keywords: ["Schlagworte", "Schlagwörter", "Subjects", "Keywords", "Schlüsselwörter"],
        .abstract: ["Zusammenfassung", "Summary", "Abstract", "Inhalt"],
        .issn: ["ISSN", "E-ISSN", "eISSN", "Print-ISSN"],
        .doi: ["DOI"],
        .year: ["Erscheinungsjahr", "Jahr", "Year", "Publication Year", "Erschienen", "Veröffentlicht", "Published"],
        .publisher: ["Verlag", "Publisher", "Veröffentlicht bei"],
        .ignored: ["Online-Zugang", "Online Access", "Tags", "Gespeichert in", "Saved in", "Physische Beschreibung",
                   "Physical Description", "Anmerkung", "Anmerkungen", "Notes", "Reihe", "Series", "Auflage", "Edition",
                   "ISBN", "Links", "Signatur", "Standort", "Verfügbarkeit", "Holdings", "Online", "Ausgabe",
                   "Zitierlinks", "Beschreibung", "Description", "Identifier", "Rights", "Citation"],
    ])

    /// Headings of the record page that end a multi-line field.
    private static let headings: Set<String> = [
        "ausführliche beschreibung", "full description", "bibliographische detailangaben", "bibliographic details",
        "beschreibung", "description", "details", "staff view", "ähnliche einträge", "similar items",
        "exemplare", "holdings", "inhaltsverzeichnis", "table of contents", "mehr anzeigen", "show more",
    ]

    private static let distinctive: Set<Field> = [.container, .authors, .abstract]

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        var found = Set<Field>()
        for line in document.lines {
            if let field = Self.labels.match(line)?.field, field != .ignored { found.insert(field) }
        }
        return found.count >= 3 && !found.isDisjoint(with: Self.distinctive)
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var fields: [Field: (value: String, line: Int)] = [:]
        var current: Field?
        var titleLine: Int?
        var teaser: String?
        for (index, rawLine) in document.lines.enumerated() {
            let line = rawLine.trimmed
            if let (field, value) = Self.labels.match(line) {
                current = field
                if fields[field] == nil { fields[field] = (value, index + 1) } else { append(value, to: field, in: &fields) }
                continue
            }
            if line.isEmpty { continue }
            if Self.headings.contains(line.lowercased().trimmingCharacters(in: .init(charactersIn: ":"))) || PageChrome.isChrome(line) {
                current = nil
                continue
            }
            if let field = current {
                if [.abstract, .authors, .otherAuthors, .issn, .keywords].contains(field) { append(line, to: field, in: &fields) }
            } else if titleLine == nil {
                titleLine = index
            } else if teaser == nil && fields.isEmpty && (line.hasSuffix("...") || line.hasSuffix("…")) {
                teaser = line
            }
        }
        return ImportResult(records: [record(from: fields, document: document, titleLine: titleLine, teaser: teaser)])
    }

    private func append(_ text: String, to field: Field, in fields: inout [Field: (value: String, line: Int)]) {
        guard let existing = fields[field], !text.isEmpty else { return }
        let separator = field == .abstract ? " " : "\n"
        fields[field] = (existing.value.isEmpty ? text : existing.value + separator + text, existing.line)
    }

    private func record(from fields: [Field: (value: String, line: Int)], document: SourceDocument,
                        titleLine: Int?, teaser: String?) -> Record {
        let title = titleLine.map { document.lines[$0].trimmed } ?? ""
        var record = Record(kind: .paper, title: title)
        record.source = SourceReference(path: document.path, format: format)
        var authors: [Person] = []
        for field in [Field.authors, .otherAuthors] {
            if let value = fields[field]?.value {
                authors += value.split(separator: "\n").flatMap { PersonNames.parseList(String($0), sortNamesFirst: true) }
            }
        }
        if let corporate = fields[.corporateAuthor]?.value, !corporate.isEmpty {
            authors += corporate.split(separator: "\n").map { Person(literal: $0.trimmed) }
        }
        record.authors = authors
        record.title = Self.withoutStatementOfResponsibility(title, authors: authors)
        if let container = fields[.container]?.value {
            let citation = ContainerCitation.parse(container)
            record.container = citation.container
            record.date = citation.date
            record.volume = citation.volume
            record.issue = citation.issue
            record.pages = citation.pages
        }
        if let imprint = fields[.year]?.value {
            if record.date == nil { record.date = DateParsing.date(from: imprint) }
            record.publisher = Self.publisher(inImprint: imprint)
        }
        record.type = fields[.format].flatMap { PublicationTypes.cslType(for: $0.value) }
        record.language = fields[.language].flatMap { LanguageCodes.code(for: $0.value) }
        record.keywords = fields[.keywords].map { Keywords.split($0.value) } ?? []
        record.abstract = fields[.abstract].map { $0.value.whitespaceNormalised }.flatMap { $0.isEmpty ? nil : $0 } ?? teaser
        record.issn = fields[.issn].map { Identifiers.issns(in: $0.value) } ?? []
        record.doi = fields[.doi].flatMap { Identifiers.doi(in: $0.value) } ?? Identifiers.doi(in: document.text)
        if let publisher = fields[.publisher]?.value.trimmed, !publisher.isEmpty { record.publisher = publisher }
        return record
    }

    /// "Title / Tony Bovaird, Elke Loeffler" → "Title", when what follows
    /// the last " / " names an author (a slash inside a title stays).
    static func withoutStatementOfResponsibility(_ title: String, authors: [Person]) -> String {
        guard let slash = title.range(of: " / ", options: .backwards) else { return title }
        let statement = ASCIIFolding.fold(String(title[slash.upperBound...]))
        let names = authors.compactMap { ($0.family ?? $0.literal).map(ASCIIFolding.fold) }
        return names.contains(where: statement.contains) ? String(title[..<slash.lowerBound]).trimmed : title
    }

    /// The publisher in an imprint "Place : Publisher, Year".
    static func publisher(inImprint imprint: String) -> String? {
        guard let colon = imprint.firstIndex(of: ":") else { return nil }
        let rest = imprint[imprint.index(after: colon)...]
        let name = (rest.lastIndex(of: ",").map { rest[..<$0] } ?? rest).trimmed
        return name.isEmpty || name.allSatisfy(\.isNumber) ? nil : name
    }
}
