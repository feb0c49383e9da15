import OstromCore
import TerminalCanvas

/// The detail pane's text for a record, wrapped to the pane's width.
enum RecordDetail {
    static func lines(for record: Record, width: Int, now: LocalDateTime, placement: RecordPlacement? = nil) -> [StyledLine] {
        var lines = StyledLine.wrapped(record.displayTitle, width: width, role: .title)
        lines.append(.blank)
        var fields: [(String, String)] = []
        switch record.kind {
        case .event:
            for speaker in record.speakers {
                fields.append(("Speaker", speaker.displayName + (speaker.affiliation.map { ", " + $0 } ?? "")))
            }
            if let when = RecordText.whenLine(record, now: now) { fields.append(("When", when)) }
            if let location = record.location { fields.append(("Where", location)) }
        default:
            if !record.authors.isEmpty { fields.append(("By", record.authors.map(\.displayName).joined(separator: ", "))) }
            if !record.editors.isEmpty { fields.append(("Eds.", record.editors.map(\.displayName).joined(separator: ", "))) }
            if !record.translators.isEmpty { fields.append(("Tr.", record.translators.map(\.displayName).joined(separator: ", "))) }
            if let venue = RecordText.venueLine(record) {
                fields.append(("In", venue))
            } else if let date = record.date {
                fields.append(("Date", date.description))
            }
        }
        if let doi = record.doi { fields.append(("DOI", doi)) }
        if let url = record.url { fields.append(("URL", url)) }
        if !record.issn.isEmpty { fields.append(("ISSN", record.issn.joined(separator: ", "))) }
        if let language = record.language { fields.append(("Language", language)) }
        if !record.keywords.isEmpty { fields.append(("Keywords", record.keywords.joined(separator: "; "))) }
        if let citations = record.citations { fields.append(("Cited by", String(citations))) }
        for attachment in record.attachments {
            let missing = RawPath.kind(of: attachment.path) == nil ? " (missing)" : ""
            fields.append(("File", attachment.fileName + (attachment.description.map { " — " + $0 } ?? "") + missing))
        }
        if let placement { fields += PlacementDetail.fields(placement) }
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        for (label, value) in fields {
            var rows = StyledLine.field(label, value, labelWidth: labelWidth, width: width)
            // The DOI and the URL are links, when they fit on one row.
            let link = label == "DOI" ? "https://doi.org/" + value : label == "URL" ? value : nil
            if let link, rows.count == 1, rows[0].spans.count == 2 { rows[0].spans[1].link = link }
            lines += rows
        }

        let sections: [(String, String?)] = [
            (record.kind == .event ? "Description" : "Abstract", record.abstract),
            ("About the speaker", record.bio),
        ]
        for (heading, text) in sections {
            guard let text else { continue }
            lines += [.blank, StyledLine(heading, .heading)] + StyledLine.wrapped(text, width: width)
            // The evidence follows the text it quotes.
            if heading != "About the speaker", let placement { lines += PlacementDetail.evidence(placement, width: width) }
        }
        if record.abstract == nil, let placement { lines += PlacementDetail.evidence(placement, width: width) }
        for translation in record.translations {
            lines += [.blank, StyledLine("Translation (\(translation.language), machine-translated)", .heading)]
            if let title = translation.title { lines += StyledLine.wrapped(title, width: width, role: .translation) }
            if let abstract = translation.abstract { lines += StyledLine.wrapped(abstract, width: width, role: .translation) }
        }
        if let body = record.body {
            let heading = record.kind == .transcript ? "Transcript — Enter to read it full screen" : "Text"
            lines += [.blank, StyledLine(heading, .heading)] + StyledLine.wrapped(body, width: width)
        }
        return lines
    }
}
