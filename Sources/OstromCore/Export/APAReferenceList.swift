/// Records as an APA-style (7th edition) reference list in Markdown:
/// sorted by first author and year, italics where APA sets them, DOIs as
/// links. Markdown's own characters in the text are escaped.
public enum APAReferenceList {
    public static func markdown(of records: [Record]) -> String {
        // Keys made once, not in every comparison.
        let sorted = records.map { (key: sortKey($0), record: $0) }.sorted { $0.key < $1.key }
        return sorted.map { reference($0.record, markdown: true) }.joined(separator: "\n\n") + "\n"
    }

    /// One reference; without Markdown, as plain text (for the clipboard).
    public static func reference(_ record: Record, markdown: Bool = false) -> String {
        let text = { (value: String) in markdown ? escaped(ExportText.clean(value)) : ExportText.clean(value) }
        let italic = { (value: String) in markdown ? "*\(value)*" : value }
        var parts: [String] = []
        let people = record.people.map(authorName).map(text)
        let date = ExportText.date(of: record)
        let when = "(" + (date.map { Self.dateText($0, full: record.kind == .event || record.kind == .transcript) } ?? "n.d.") + ")."
        let authors = joinedAuthors(people)
        parts.append(authors.isEmpty || authors.hasSuffix(".") ? authors : authors + ".")
        let title = text(record.title)
        let standalone = ["book", "report", "thesis", "webpage", "document"].contains(record.type ?? "document")
        let titleText = (standalone ? italic(title) : title) + (title.last.map { ".?!".contains($0) } == true ? "" : ".")
        if people.isEmpty { parts = [titleText, when] } else { parts += [when, titleText] }
        if let container = record.container.map(text) {
            if record.type == "chapter" || record.type == "paper-conference" {
                parts.append("In " + italic(container) + (record.pages.map { " (pp. \(pagesText($0)))" } ?? "") + ".")
            } else {
                var source = italic(container)
                if let volume = record.volume.map(text) { source += ", " + italic(volume) }
                if let issue = record.issue.map(text) { source += "(\(issue))" }
                if let pages = record.pages { source += ", " + pagesText(pages) }
                parts.append(source + ".")
            }
        }
        if let publisher = record.publisher.map(text), publisher != record.container { parts.append(publisher + ".") }
        if record.kind == .event || record.kind == .transcript, let location = record.location.map(text) { parts.append(location + ".") }
        if let doi = record.doi.map(ExportText.clean) {
            // An autolink, where Markdown reads no escapes.
            let link = "https://doi.org/" + doi
            parts.append(markdown && !doi.contains(where: { "<> ".contains($0) }) ? "<\(link)>" : link)
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "Pestoff, V. A." or an organisation's name.
    static func authorName(_ person: Person) -> String {
        if let literal = person.literal { return literal == "others" ? "et al." : literal }
        guard let family = person.family else { return person.given ?? "" }
        let suffix = person.suffix.map { ", " + $0 } ?? ""
        guard let given = person.given else { return family + suffix }
        let initials = given.split(separator: " ").map { word in
            word.split(separator: "-").compactMap { $0.first.map { "\($0)." } }.joined(separator: "-")
        }
        return family + ", " + initials.joined(separator: " ") + suffix
    }

    /// "A", "A, & B", "A, B, & C"; past 20, the first 19, "…", and the last.
    static func joinedAuthors(_ names: [String]) -> String {
        var names = names
        if names.last == "et al." { names.removeLast(); return names.joined(separator: ", ") + ", et al." }
        if names.count > 20 { names = Array(names.prefix(19)) + ["… " + names[names.count - 1]] }
        guard names.count > 1 else { return names.first ?? "" }
        let last = names.removeLast()
        return names.joined(separator: ", ") + (last.hasPrefix("…") ? ", " : ", & ") + last
    }

    static func dateText(_ date: PartialDate, full: Bool) -> String {
        guard full, let month = date.month else { return String(date.year) }
        let name = monthNames[month - 1]
        return "\(date.year), \(name)" + (date.day.map { " \($0)" } ?? "")
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func pagesText(_ pages: String) -> String {
        pages.replacingOccurrences(of: "-", with: "–")
    }

    static func sortKey(_ record: Record) -> String {
        let first = record.people.first.map(authorName) ?? record.title
        return ASCIIFolding.fold(first).lowercased() + " " + String(ExportText.date(of: record)?.year ?? 0) + " " + record.title.lowercased()
    }

    /// Backslash before the characters Markdown reads as markup.
    static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
