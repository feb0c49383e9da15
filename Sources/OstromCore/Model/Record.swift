/// One entry of the library: a paper, an event, a transcript or a note.
/// Absent values are `nil` or empty, never `""`.
public struct Record: Hashable, Sendable {
    public var id: String
    /// A citation key given by the source file; kept as the id (every
    /// imported record has one: not among the rare fields).
    public var citationKey: String?
    public var kind: RecordKind
    /// Publication type, CSL-style (`article-journal`, `book`, `chapter`…).
    public var type: String?
    public var title: String
    public var authors: [Person] = []
    public var date: PartialDate?
    public var container: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var publisher: String?
    public var doi: String?
    /// A web address for the work (http or https).
    public var url: String?
    /// Long: kept in a `LongTextStore` in a large library, read from there.
    public var abstract: String? {
        get { abstractText?.text }
        set { abstractText = newValue.map(LongText.init) }
    }

    /// A transcript's or an event page's text: among the rare fields.
    public var body: String? {
        get { bodyText?.text }
        set { bodyText = newValue.map(LongText.init) }
    }

    public var keywords: [String] = []
    public var source: SourceReference?
    var abstractText: LongText?
    /// The fields most records leave empty.
    private(set) var rare = RareFields<RareValues>()

    struct RareValues: RareFieldValues {
        var editors: [Person] = []
        var seriesEditors: [Person] = []
        var translators: [Person] = []
        var speakers: [Person] = []
        var publisherPlace: String?
        var issn: [String] = []
        var language: String?
        var bio: String?
        var location: String?
        var start: LocalDateTime?
        var end: LocalDateTime?
        var published: PartialDate?
        var translations: [Translation] = []
        var citations: Int?
        var attachments: [RecordAttachment] = []
        var bodyText: LongText?
    }

    public init(id: String = "", kind: RecordKind, title: String) {
        self.id = id
        self.kind = kind
        self.title = title
    }

    /// Editors of the work (BibTeX `editor`, RIS A2, CSL `editor`).
    public var editors: [Person] {
        get { rare.values?.editors ?? [] }
        set { rare.set(\.editors, to: newValue, isEmpty: newValue.isEmpty) }
    }

    /// Editors of the series (RIS A3, CSL `collection-editor`).
    public var seriesEditors: [Person] {
        get { rare.values?.seriesEditors ?? [] }
        set { rare.set(\.seriesEditors, to: newValue, isEmpty: newValue.isEmpty) }
    }

    /// Translators (RIS A4, biblatex and CSL `translator`).
    public var translators: [Person] {
        get { rare.values?.translators ?? [] }
        set { rare.set(\.translators, to: newValue, isEmpty: newValue.isEmpty) }
    }

    public var speakers: [Person] {
        get { rare.values?.speakers ?? [] }
        set { rare.set(\.speakers, to: newValue, isEmpty: newValue.isEmpty) }
    }

    /// Where the publisher is (RIS CY, BibTeX address, CSL publisher-place).
    public var publisherPlace: String? {
        get { rare.values?.publisherPlace }
        set { rare.set(\.publisherPlace, to: newValue, isEmpty: newValue == nil) }
    }

    public var issn: [String] {
        get { rare.values?.issn ?? [] }
        set { rare.set(\.issn, to: newValue, isEmpty: newValue.isEmpty) }
    }

    /// ISO 639-1 code.
    public var language: String? {
        get { rare.values?.language }
        set { rare.set(\.language, to: newValue, isEmpty: newValue == nil) }
    }

    public var bio: String? {
        get { rare.values?.bio }
        set { rare.set(\.bio, to: newValue, isEmpty: newValue == nil) }
    }

    public var location: String? {
        get { rare.values?.location }
        set { rare.set(\.location, to: newValue, isEmpty: newValue == nil) }
    }

    public var start: LocalDateTime? {
        get { rare.values?.start }
        set { rare.set(\.start, to: newValue, isEmpty: newValue == nil) }
    }

    public var end: LocalDateTime? {
        get { rare.values?.end }
        set { rare.set(\.end, to: newValue, isEmpty: newValue == nil) }
    }

    /// When an event announcement was published.
    public var published: PartialDate? {
        get { rare.values?.published }
        set { rare.set(\.published, to: newValue, isEmpty: newValue == nil) }
    }

    public var translations: [Translation] {
        get { rare.values?.translations ?? [] }
        set { rare.set(\.translations, to: newValue, isEmpty: newValue.isEmpty) }
    }

    public var citations: Int? {
        get { rare.values?.citations }
        set { rare.set(\.citations, to: newValue, isEmpty: newValue == nil) }
    }

    var bodyText: LongText? {
        get { rare.values?.bodyText }
        set { rare.set(\.bodyText, to: newValue, isEmpty: newValue == nil) }
    }

    /// Files the reference manager linked (PDFs), in its order.
    public var attachments: [RecordAttachment] {
        get { rare.values?.attachments ?? [] }
        set { rare.set(\.attachments, to: newValue, isEmpty: newValue.isEmpty) }
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
