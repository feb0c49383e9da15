import Foundation

/// What the event importers gather before it becomes a record, and the
/// reading they share: labelled fields, speakers with affiliations, date
/// and time, and the split of the text into description and speaker bio.
struct EventDraft {
    enum Field: Hashable, Sendable {
        case date, time, speaker, location, published, title, bio, description, ignored
    }

    static let labels = LabelTable<Field>([
        .date: ["Event Date", "Date", "When", "Datum", "Date and time", "Date & time", "Event date and time", "Termin"],
        .time: ["Time", "Times", "Zeit", "Uhrzeit"],
        .speaker: ["Speaker", "Speakers", "Speaker(s)", "Presenter", "Presenters", "Guest speaker", "Lecturer",
                   "Referent", "Referentin", "Vortragende", "Presented by"],
        .location: ["Location", "Venue", "Where", "Place", "Room", "Ort", "Address", "Veranstaltungsort"],
        .published: ["Published", "Posted", "Posted on", "Published on", "Date published", "Veröffentlicht"],
        .title: ["Title", "Talk title", "Seminar title", "Lecture title", "Event title"],
        .bio: ["Bio", "Biography", "Speaker bio", "Speaker biography", "About the speaker", "About the speakers"],
        .description: ["Description", "Abstract", "Summary", "About the event", "About this event", "Overview"],
        .ignored: ["Cost", "Price", "Fee", "Registration", "Register", "Contact", "Booking", "Audience", "Tickets",
                   "Category", "Categories", "Tags", "Organiser", "Organizer", "Organisers", "Host", "Hosted by",
                   "Event type", "Type", "Share", "Admission", "Open to", "Series", "Email", "Phone", "Website",
                   "Link", "More information", "Further information", "Note", "Contact email", "Format"],
    ])

    var title = ""
    var speakers: [Person] = []
    var date: PartialDate?
    var time: TimeParsing.Match?
    var location: String?
    var published: PartialDate?
    /// Paragraphs of free text, in order: the description, then perhaps a bio.
    var paragraphs: [String] = []
    /// Paragraphs under an explicit bio label or heading.
    var bio: [String] = []
    var diagnostics: [Diagnostic] = []

    // MARK: - Reading fields

    /// Takes one labelled field; `line` is 1-based, for warnings.
    mutating func take(_ field: Field, value: String, line: Int, path: String) {
        switch field {
        case .date:
            readDateAndTime(value, line: line, path: path)
        case .time:
            if let match = TimeParsing.firstTime(in: value) { time = match } else { warn(path, line, "could not read the time “\(value)”") }
        case .speaker:
            speakers += Self.speakers(from: value)
        case .location:
            if !value.isEmpty { location = value.whitespaceNormalised }
        case .published:
            if let found = DateParsing.date(from: value, allowYearOnly: false) { published = found } else { warn(path, line, "could not read the date “\(value)”") }
        case .title:
            if !value.isEmpty { title = value.whitespaceNormalised }
        case .bio:
            if !value.isEmpty { bio.append(value) }
        case .description:
            if !value.isEmpty { paragraphs.append(value) }
        case .ignored:
            break
        }
    }

    /// Reads "5 February 2020", "Wednesday 5 February 2020, 2-3pm" or
    /// "November 30, 2018 at 12:00 PM to 1:00 PM".
    mutating func readDateAndTime(_ text: String, line: Int, path: String) {
        guard let match = DateParsing.firstDate(in: text, allowYearOnly: false) else {
            warn(path, line, "could not read the date “\(text)”")
            return
        }
        date = match.date
        var rest = text
        rest.replaceSubrange(match.range, with: " ")
        if let found = TimeParsing.firstTime(in: rest) { time = found }
    }

    mutating func warn(_ path: String, _ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: line, severity: .warning, message: message))
    }

    // MARK: - Speakers

    /// Speakers with affiliations: "Dr. Elke Loeffler, Strathclyde Business
    /// School, Department of …", "Jane Roe (University of York)", "Jane Roe –
    /// University of York"; several separated by `;`.
    static func speakers(from value: String) -> [Person] {
        if !value.contains(";"), let names = PersonNames.nameList(value) { return names.compactMap(PersonNames.parse) }
        return value.split(separator: ";").compactMap { speaker(from: String($0).trimmed) }
    }

    static func speaker(from text: String) -> Person? {
        var name = text
        var affiliation: String?
        if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            name = String(text[..<open])
            affiliation = String(text[text.index(after: open)..<close]).trimmed
        } else if let separator = [" – ", " — ", " - ", " | "].lazy.compactMap({ text.range(of: $0) }).first {
            name = String(text[..<separator.lowerBound])
            affiliation = String(text[separator.upperBound...]).trimmed
        } else if let comma = text.firstIndex(of: ",") {
            name = String(text[..<comma])
            affiliation = String(text[text.index(after: comma)...]).trimmed
        }
        guard var person = PersonNames.parse(name) else { return nil }
        if person.literal == nil, let affiliation, !affiliation.isEmpty { person.affiliation = affiliation }
        return person
    }

    /// "Speaker – Title" (or "Title – Speaker", or "Title: Speaker, Place"):
    /// the speaker side, the title side, when one side reads as a name.
    static func splitSpeakerAndTitle(_ line: String) -> (speaker: String, title: String)? {
        for separator in [" – ", " — ", " - ", ": ", " | "] {
            guard let range = line.range(of: separator) else { continue }
            let left = String(line[..<range.lowerBound]).trimmed
            let right = String(line[range.upperBound...]).trimmed
            let leftName = left.split(separator: ",").first.map(String.init) ?? left
            if (PersonNames.looksLikePersonName(leftName) || PersonNames.nameList(left) != nil) && !right.isEmpty { return (left, right) }
            let rightName = right.split(separator: ",").first.map(String.init) ?? right
            if PersonNames.looksLikePersonName(rightName) && !left.isEmpty { return (right, left) }
        }
        return nil
    }

    /// The title without a part naming a known speaker
    /// ("Outcomes for children: Dr Elke Loeffler, Strathclyde" → "Outcomes for children").
    static func titleWithoutSpeaker(_ title: String, speakers: [Person]) -> String {
        let families = speakers.compactMap { $0.family.map(ASCIIFolding.fold) }
        guard !families.isEmpty else { return title }
        for separator in [": ", " – ", " — ", " - ", " | "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let left = String(title[..<range.lowerBound]).trimmed
            let right = String(title[range.upperBound...]).trimmed
            let rightFolded = ASCIIFolding.fold(right)
            if families.contains(where: rightFolded.contains) && !left.isEmpty { return left }
            let leftFolded = ASCIIFolding.fold(left)
            if families.contains(where: leftFolded.contains), PersonNames.looksLikePersonName(left), !right.isEmpty { return right }
        }
        return title
    }

    // MARK: - Description and bio

    private static let bioHeadings: Set<String> = [
        "about the speaker", "about the speakers", "speaker bio", "speaker biography", "biography", "bio",
        "speaker", "the speaker", "about the presenter",
    ]

    /// The free text split in two: the description, and from the first later
    /// paragraph that opens with the speaker's name (or a bio heading) the bio.
    func descriptionAndBio() -> (description: [String], bio: [String]) {
        var names: [String] = []
        for speaker in speakers {
            names += [speaker.displayName, speaker.given, speaker.family].compactMap { $0 }.filter { $0.count > 1 }
            if let family = speaker.family {
                names += PersonNames.honorifics.flatMap { ["\($0.capitalized) \(family)", "\($0.capitalized). \(family)"] }
            }
        }
        for index in paragraphs.indices.dropFirst() {
            let paragraph = paragraphs[index]
            let heading = paragraph.lowercased().trimmingCharacters(in: .init(charactersIn: ": "))
            if Self.bioHeadings.contains(heading) {
                return (Array(paragraphs[..<index]), Array(paragraphs[(index + 1)...]) + bio)
            }
            if names.contains(where: { startsWithWord(paragraph, $0) }) {
                return (Array(paragraphs[..<index]), Array(paragraphs[index...]) + bio)
            }
        }
        return (paragraphs, bio)
    }

    private func startsWithWord(_ text: String, _ word: String) -> Bool {
        guard text.hasPrefix(word) else { return false }
        let next = text.dropFirst(word.count).first
        return next.map { !$0.isLetter } ?? true
    }

    // MARK: - Free text

    /// Groups lines into paragraphs. Copied web pages put one paragraph on
    /// each line, so a line is a paragraph of its own unless it reads as
    /// hard-wrapped: it ends without closing punctuation and the next line
    /// goes on in lowercase.
    static func paragraphs(from lines: [String]) -> [String] {
        var paragraphs: [String] = []
        var joinNext = false
        for line in lines.map(\.trimmed) {
            if line.isEmpty {
                joinNext = false
                continue
            }
            if joinNext, let first = line.first, first.isLowercase {
                paragraphs[paragraphs.count - 1] += " " + line
            } else {
                paragraphs.append(line)
            }
            joinNext = !(line.last.map { ".!?:;\"”’)".contains($0) } ?? true)
        }
        return paragraphs
    }

    // MARK: - The record

    func record(path: String, format: String) -> Record {
        var record = Record(kind: .event, title: Self.titleWithoutSpeaker(title, speakers: speakers))
        record.speakers = speakers
        record.date = date
        if let date, date.day != nil, let time {
            record.start = LocalDateTime(date: date, hour: time.start.hour, minute: time.start.minute)
            record.end = time.end.map { LocalDateTime(date: date, hour: $0.hour, minute: $0.minute) }
        }
        record.location = location
        record.published = published
        let (description, bio) = descriptionAndBio()
        record.abstract = description.isEmpty ? nil : description.joined(separator: "\n\n")
        record.bio = bio.isEmpty ? nil : bio.joined(separator: "\n\n")
        record.source = SourceReference(path: path, format: format)
        return record
    }
}
