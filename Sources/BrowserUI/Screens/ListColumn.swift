import OstromCore
import TerminalCanvas

/// A column of a tab's list (`[layout.columns]` in the config file): what
/// it shows, and its width (the title takes what is left).
public struct ListColumn: Equatable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        /// `*` for a starred record (one column, always first).
        case star
        case year, date, authors, title, venue, type, citations, tags, kind
        /// An event's "upcoming" or "past".
        case status
    }

    public var field: Field
    /// Columns wide; `nil` for the title (the rest of the row).
    public var width: Int?

    public init(_ field: Field, width: Int? = nil) {
        self.field = field
        self.width = field == .title ? nil : width ?? Self.defaultWidths[field]
    }

    static let defaultWidths: [Field: Int] = [
        .star: 1, .year: 4, .date: 10, .authors: RecordRows.peopleWidth, .venue: 20, .type: 16, .citations: 5, .tags: 16,
        .kind: 10,
    ]

    /// Each tab's columns unless the config file says otherwise.
    public static let standard: [Tab: [ListColumn]] = [
        .papers: [.init(.star), .init(.year), .init(.authors), .init(.title)],
        .events: [.init(.star), .init(.date), .init(.authors), .init(.title), .init(.status)],
        .transcripts: [.init(.star), .init(.date), .init(.authors), .init(.title)],
        .search: [.init(.star), .init(.kind), .init(.year), .init(.authors), .init(.title)],
    ]

    /// The tabs whose lists have columns (not the Ladder's).
    public static let tabs: [Tab] = [.papers, .events, .transcripts, .search]

    /// The cell's text (not yet padded) and role.
    func cell(for record: Record, in tab: Tab, starred: Bool, tags: [String], now: LocalDateTime) -> (String, StyleRole) {
        switch field {
        case .star: return (starred ? "*" : " ", .normal)
        case .year: return (record.year.map(String.init) ?? (record.kind == .note ? "note" : ""), .dim)
        case .date: return (record.date?.description ?? "", .dim)
        case .authors: return (RecordTable.peopleSummary(record.people), .label)
        case .title: return (record.displayTitle, tab == .search ? .title : .normal)
        case .venue: return (record.container ?? "", .dim)
        case .type: return (record.type ?? record.kind.rawValue, .dim)
        case .citations: return (record.citations.map(String.init) ?? "", .dim)
        case .tags: return (tags.joined(separator: ", "), .badge)
        case .kind: return (record.kind.rawValue, .badge)
        case .status:
            let status = record.status(now: now)
            return (status == .upcoming ? "upcoming" : status == .past ? "past" : "", status == .upcoming ? .badge : .dim)
        }
    }
}
