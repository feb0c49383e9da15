/// An event announcement with labelled fields: a title line, then
/// `Event Date:`, `Speaker:`, `Time:`, `Location:`… in any order, free text
/// for the description (and a speaker bio), `Published:`.
public struct EventAnnouncementImporter: DocumentImporter {
    public let format = "event-announcement"

    public init() {}

    public func recognises(_ document: SourceDocument) -> Bool {
        var found = Set<EventDraft.Field>()
        for line in document.lines {
            if let field = EventDraft.labels.match(line)?.field { found.insert(field) }
        }
        return found.contains(.date) && found.intersection([.time, .speaker, .location]).count >= 1
            && found.count >= 3
    }

    public func importRecords(from document: SourceDocument) -> ImportResult {
        var draft = EventDraft()
        var freeText: [String] = []
        var inBio = false
        var consumed = Set<Int>()
        for (index, line) in document.lines.enumerated() where !consumed.contains(index) {
            if let (field, inlineValue) = EventDraft.labels.match(line) {
                var value = inlineValue
                var valueLine = index
                // "Speaker:" alone on its line: the value is on the next one.
                if value.isEmpty, field != .bio, field != .description,
                   let next = document.lines[(index + 1)...].firstIndex(where: { !$0.trimmed.isEmpty }),
                   EventDraft.labels.match(document.lines[next]) == nil {
                    value = document.lines[next].trimmed
                    valueLine = next
                    consumed.insert(next)
                }
                draft.take(field, value: value, line: valueLine + 1, path: document.path)
                inBio = field == .bio
                continue
            }
            if PageChrome.isChrome(line) { continue }
            if draft.title.isEmpty && !line.trimmed.isEmpty {
                draft.title = line.trimmed
                continue
            }
            if inBio, !line.trimmed.isEmpty { draft.bio.append(line.trimmed) } else { freeText.append(line) }
        }
        draft.paragraphs += EventDraft.paragraphs(from: freeText)
        if draft.date == nil {
            draft.diagnostics.append(Diagnostic(path: document.path, line: nil, severity: .warning, message: "the event has no readable date"))
        }
        return ImportResult(records: [draft.record(path: document.path, format: format)], diagnostics: draft.diagnostics)
    }
}
