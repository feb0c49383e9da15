/// One entry of the library: a paper, an event, a transcript or a note.
/// Absent values are `nil` or empty, never `""`.
public struct Record: Hashable, Sendable {
    public var id: String
    /// A citation key given by the source file; kept as the id.
    public var citationKey: String?
    public var kind: RecordKind
    /// Publication type, CSL-style (`article-journal`, `book`, `chapter`…).
    public var type: String?
    public var title: String
    public var authors: [Person] = []
    /// Editors of the work (BibTeX `editor`, RIS A2, CSL `editor`).
    public var editors: [Person] = []
    /// Editors of the series (RIS A3, CSL `collection-editor`).
    public var seriesEditors: [Person] = []
    /// Translators (RIS A4, biblatex and CSL `translator`).
    public var translators: [Person] = []
    public var speakers: [Person] = []
    public var date: PartialDate?
    public var container: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var publisher: String?
    /// Where the publisher is (RIS CY, BibTeX address, CSL publisher-place).
    public var publisherPlace: String?
    public var doi: String?
    /// A web address for the work (http or https).
    public var url: String?
    public var issn: [String] = []
    /// ISO 639-1 code.
    public var language: String?
    public var abstract: String?
    public var body: String?
    public var bio: String?
    public var keywords: [String] = []
    public var location: String?
    public var start: LocalDateTime?
    public var end: LocalDateTime?
    /// When an event announcement was published.
    public var published: PartialDate?
    public var translations: [Translation] = []
    public var citations: Int?
    /// Files the reference manager linked (PDFs), in its order.
    public var attachments: [RecordAttachment] = []
    public var source: SourceReference?

    public init(id: String = "", kind: RecordKind, title: String) {
        self.id = id
        self.kind = kind
        self.title = title
    }

    public var year: Int? { date?.year }

    /// The title as shown: "(untitled)" for a record without one (a
    /// title is never invented from a key or a file name).
    public var displayTitle: String { title.isEmpty ? "(untitled)" : title }

    /// Authors; for an edited book without authors its editors; for
    /// events the speakers.
    public var people: [Person] { !authors.isEmpty ? authors : !editors.isEmpty ? editors : speakers }

    /// Whether an event lies before `now` (its end, else its start, else its
    /// day); `nil` for records that are not events or have no date.
    public func status(now: LocalDateTime) -> EventStatus? {
        guard kind == .event else { return nil }
        if let moment = end ?? start { return moment < now ? .past : .upcoming }
        guard let date else { return nil }
        let today = now.date
        let comparable = PartialDate(year: date.year, month: date.month ?? 12, day: date.day ?? 31)
        return comparable < today ? .past : .upcoming
    }
}

public enum EventStatus: String, Sendable {
    case past, upcoming
}

/// A title and abstract in another language (machine translations included).
public struct Translation: Hashable, Sendable {
    public var language: String
    public var title: String?
    public var abstract: String?

    public init(language: String, title: String? = nil, abstract: String? = nil) {
        self.language = language
        self.title = title
        self.abstract = abstract
    }
}

/// Where a record came from.
public struct SourceReference: Hashable, Sendable {
    public var path: String
    /// The genre or file format the importer recognised.
    public var format: String
    /// The 1-based line of the source where the record's body starts.
    public var bodyLine: Int?

    public init(path: String, format: String, bodyLine: Int? = nil) {
        self.path = path
        self.format = format
        self.bodyLine = bodyLine
    }
}
