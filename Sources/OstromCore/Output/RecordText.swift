/// One record as readable text for `ostrom show`: the title, labelled
/// fields, then the long texts wrapped to the width.
public enum RecordText {
    public static func render(_ record: Record, now: LocalDateTime, width: Int = 80) -> String {
        var fields: [(String, String)] = [("ID", record.id), ("Kind", record.kind.rawValue + (record.type.map { " (\($0))" } ?? ""))]
        if !record.authors.isEmpty { fields.append(("Authors", record.authors.map(\.sortName).joined(separator: "; "))) }
        if !record.editors.isEmpty { fields.append(("Editors", record.editors.map(\.sortName).joined(separator: "; "))) }
        if !record.seriesEditors.isEmpty { fields.append(("Series eds.", record.seriesEditors.map(\.sortName).joined(separator: "; "))) }
        if !record.translators.isEmpty { fields.append(("Translators", record.translators.map(\.sortName).joined(separator: "; "))) }
        for speaker in record.speakers {
            fields.append(("Speaker", speaker.displayName + (speaker.affiliation.map { ", " + $0 } ?? "")))
        }
        if let venue = venueLine(record) { fields.append(("Published", venue)) }
        if record.kind == .event {
            if let when = whenLine(record, now: now) { fields.append(("When", when)) }
            if let location = record.location { fields.append(("Location", location)) }
            if let published = record.published { fields.append(("Announced", published.description)) }
        } else if record.container == nil, let date = record.date {
            fields.append(("Date", date.description))
        }
        if let publisher = record.publisher { fields.append(("Publisher", publisher + (record.publisherPlace.map { ", " + $0 } ?? ""))) }
        if let doi = record.doi { fields.append(("DOI", doi)) }
        if !record.issn.isEmpty { fields.append(("ISSN", record.issn.joined(separator: ", "))) }
        if let language = record.language { fields.append(("Language", language)) }
        if !record.keywords.isEmpty { fields.append(("Keywords", record.keywords.joined(separator: "; "))) }
        if let citations = record.citations { fields.append(("Citations", String(citations))) }
        if let source = record.source { fields.append(("Source", "\(source.path) (\(source.format))")) }

        var lines = TextWrapping.wrap(TerminalSafeText.sanitize(record.displayTitle), width: width)
        lines.append("")
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        for (label, value) in fields {
            let indent = labelWidth + 4
            let wrapped = TextWrapping.wrap(TerminalSafeText.sanitize(value), width: max(10, width - indent))
            for (index, part) in wrapped.enumerated() {
                lines.append(index == 0 ? "  " + TextWrapping.pad(label, width: labelWidth) + "  " + part : String(repeating: " ", count: indent) + part)
            }
        }
        let sections: [(String, String?)] = [
            (record.kind == .event ? "Description" : "Abstract", record.abstract),
            ("About the speaker", record.bio),
            (record.kind == .transcript ? "Transcript" : "Text", record.body),
        ]
        for (heading, text) in sections {
            if let text { lines += section(heading, text, width: width) }
        }
        for translation in record.translations {
            let text = [translation.title, translation.abstract].compactMap { $0 }.joined(separator: "\n\n")
            lines += section("Translation (\(translation.language), machine-translated by the source)", text, width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ heading: String, _ text: String, width: Int) -> [String] {
        ["", heading] + TextWrapping.wrap(TerminalSafeText.sanitize(text, keepNewlines: true), width: max(10, width - 2)).map { $0.isEmpty ? "" : "  " + $0 }
    }

    /// "International review of administrative sciences, 2016-03, vol. 82 (1), pp. 131-149".
    public static func venueLine(_ record: Record) -> String? {
        guard let container = record.container else { return nil }
        var parts = [container]
        if let date = record.date { parts.append(date.description) }
        if let volume = record.volume { parts.append("vol. " + volume + (record.issue.map { " (\($0))" } ?? "")) }
        else if let issue = record.issue { parts.append("no. " + issue) }
        if let pages = record.pages { parts.append((pages.contains("-") ? "pp. " : "p. ") + pages) }
        return parts.joined(separator: ", ")
    }

    /// "2020-02-05 14:00–15:00 (past)".
    public static func whenLine(_ record: Record, now: LocalDateTime) -> String? {
        guard let date = record.date else { return nil }
        var text = date.description
        if let start = record.start {
            text += " " + clock(start) + (record.end.map { "–" + clock($0) } ?? "")
        }
        if let status = record.status(now: now) { text += " (\(status.rawValue))" }
        return text
    }

    private static func clock(_ moment: LocalDateTime) -> String {
        String(moment.description.suffix(5))
    }
}
