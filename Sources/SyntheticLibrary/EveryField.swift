import OstromCore

extension SyntheticLibrary {
    /// A record of each kind with every field set, odd values included
    /// (control characters, a negative year, a path byte that is not UTF-8).
    public static func everyField() -> [Record] {
        RecordKind.allCases.enumerated().map { index, kind in
            var record = Record(id: "every\(index)", kind: kind, title: "Title \u{1B}[31m «co-production» \(kind)")
            record.type = "chapter"
            let person = Person(family: "van der Berg", given: "Ånna", suffix: "Jr.", literal: nil, affiliation: "NEF, London")
            record.authors = [person, Person(literal: "New Economics Foundation")]
            record.editors = [Person(family: "Ed", given: "Itor")]
            record.seriesEditors = [Person(family: "Series")]
            record.translators = [Person(given: "Only Given")]
            record.speakers = [Person(family: "Speaker", affiliation: "Council")]
            record.date = PartialDate(year: -44, month: 3, day: 15)
            record.container = "Journal"
            record.volume = "12"
            record.issue = "3–4"
            record.pages = "1–20"
            record.publisher = "Policy Press"
            record.publisherPlace = "Bristol"
            record.doi = "10.1332/X\(index)"
            record.url = "https://example.org/a?b=c"
            record.issn = ["1234-5678", "8765-4321"]
            record.language = "de"
            record.abstract = "Line one.\n\nLine two."
            record.body = String(repeating: "Body text ", count: 2_000)
            record.bio = "A bio."
            record.keywords = ["care", "", "trust"]
            record.location = "Leeds"
            record.start = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 28), hour: 9, minute: 30)
            record.end = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 29), hour: 17, minute: 0)
            record.published = PartialDate(year: 2026, month: 10)
            record.translations = [Translation(language: "en", title: "T", abstract: nil), Translation(language: "fr")]
            record.citations = 0
            record.attachments = [RecordAttachment(path: "/papers/a: b.pdf", description: "Full Text", type: "application/pdf"),
                                  RecordAttachment(path: "/papers/c.docx")]
            record.source = SourceReference(path: "/x/\u{10FF80}.bib", format: "bibtex", bodyLine: 7)
            record.citationKey = record.id
            return record
        }
    }
}
