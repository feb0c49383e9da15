import OstromCore
import TerminalCanvas

/// One list row per record: papers show year, first author "et al." and
/// title; events date, speaker, title and a past/upcoming mark;
/// transcripts date, author and title. Cut with `…` at display width.
enum RecordRows {
    static let peopleWidth = 16

    static func line(for record: Record, in tab: Tab, width: Int, now: LocalDateTime) -> StyledLine {
        let people = TextWrapping.pad(RecordTable.peopleSummary(record.people), width: peopleWidth)
        switch tab {
        case .events:
            let date = TextWrapping.pad(record.date?.description ?? "", width: 10)
            let status = record.status(now: now)
            let mark = status == .upcoming ? " upcoming" : status == .past ? " past" : ""
            let titleWidth = max(1, width - 10 - peopleWidth - 3 - mark.count)
            return StyledLine([
                .init(text: " " + date + " ", role: .dim), .init(text: people + " ", role: .label),
                .init(text: TextWrapping.pad(record.displayTitle, width: titleWidth), role: .normal),
                .init(text: mark, role: status == .upcoming ? .badge : .dim),
            ])
        case .transcripts:
            let date = TextWrapping.pad(record.date?.description ?? "", width: 10)
            return StyledLine([
                .init(text: " " + date + " ", role: .dim), .init(text: people + " ", role: .label),
                .init(text: record.displayTitle, role: .normal),
            ])
        case .search:
            let badge = TextWrapping.pad(record.kind.rawValue, width: 10)
            return StyledLine([.init(text: " " + badge + " ", role: .badge), .init(text: record.displayTitle, role: .title)])
        case .papers, .ladder:
            let year = TextWrapping.pad(record.year.map(String.init) ?? (record.kind == .note ? "note" : ""), width: 4)
            return StyledLine([
                .init(text: " " + year + " ", role: .dim), .init(text: people + " ", role: .label),
                .init(text: record.displayTitle, role: .normal),
            ])
        }
    }
}
