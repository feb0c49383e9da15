/// An event page without a date label: "Speaker – Title", then a line
/// such as "November 30, 2018 at 12:00 PM to 1:00 PM", `Location:`, the
/// description and the speaker's bio; banners like "Past Event!" dropped.
public struct EventPageImporter: DocumentImporter {
    public let format = "event-page"

    /// Lines read before giving up on finding the date line.
    private static let headerLines = 12

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        guard let dateLine = Self.dateLineIndex(in: document) else { return false }
        let hasLocation = document.lines.contains { EventDraft.labels.match($0)?.field == .location }
        let hasSpeakerTitle = document.lines[..<dateLine].contains { EventDraft.splitSpeakerAndTitle($0.trimmed) != nil }
        return hasLocation || hasSpeakerTitle
    }

    /// The first line among the first few that holds a date and a time, and
    /// little else.
    static func dateLineIndex(in document: SourceDocument) -> Int? {
        let candidates = document.contentLineIndices.filter { !PageChrome.isChrome(document.lines[$0]) }.prefix(headerLines)
        return candidates.first { index in
            let line = document.lines[index]
            guard line.count < 120, let date = DateParsing.firstDate(in: line) else { return false }
            var rest = line
            rest.replaceSubrange(date.range, with: " ")
            return TimeParsing.firstTime(in: rest) != nil
        }
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var draft = EventDraft()
        guard let dateLine = Self.dateLineIndex(in: document) else { return ImportResult() }
        draft.readDateAndTime(document.lines[dateLine], line: dateLine + 1, path: document.path)
        readHeading(document.lines[..<dateLine].map(\.trimmed), into: &draft)
        var freeText: [String] = []
        var inBio = false
        for index in (dateLine + 1)..<document.lines.count {
            let line = document.lines[index]
            if let (field, value) = EventDraft.labels.match(line) {
                draft.take(field, value: value, line: index + 1, path: document.path)
                inBio = field == .bio
            } else if !PageChrome.isChrome(line) {
                if inBio, !line.trimmed.isEmpty { draft.bio.append(line.trimmed) } else { freeText.append(line) }
            }
        }
        draft.paragraphs += EventDraft.paragraphs(from: freeText)
        return ImportResult(records: [draft.record(path: document.path, format: format)], diagnostics: draft.diagnostics)
    }

    /// Title and speaker from the lines above the date: a "Speaker – Title"
    /// line, or a title line with the speaker's name on a line of its own.
    private func readHeading(_ lines: [String], into draft: inout EventDraft) {
        let heading = lines.filter { !$0.isEmpty && !PageChrome.isChrome($0) && EventDraft.labels.match($0) == nil }
        for line in heading {
            if let (speaker, title) = EventDraft.splitSpeakerAndTitle(line) {
                draft.title = title
                draft.speakers = EventDraft.speakers(from: speaker)
                return
            }
        }
        draft.title = heading.first ?? ""
        for line in heading.dropFirst() {
            let name = line.hasPrefix("with ") ? String(line.dropFirst(5)) : line
            if PersonNames.looksLikePersonName(name.split(separator: ",").first.map(String.init) ?? name) {
                draft.speakers = EventDraft.speakers(from: name)
                return
            }
        }
        for line in lines {
            if let (field, value) = EventDraft.labels.match(line), field == .speaker {
                draft.speakers = EventDraft.speakers(from: value)
            }
        }
    }
}
