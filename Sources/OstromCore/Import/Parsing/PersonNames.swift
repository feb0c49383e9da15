import Foundation

/// Reads people's names as pages write them ("Dr. Elke Loeffler",
/// "Tuurnas, Sanna", "A. Body", "van der Berg, Jan") and lists of them, and
/// tells organisations from people.
public enum PersonNames {
    static let honorifics: Set<String> = [
        "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev", "revd",
        "reverend", "dott", "herr", "frau", "assoc", "associate", "assistant", "emeritus", "lord", "lady", "cllr", "councillor",
    ]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "obe", "mbe", "cbe", "frs", "fba", "md", "msc", "ma", "bsc", "dphil"]
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "le", "la", "dos", "das", "ter", "ten", "bin", "al", "el", "zu", "af", "av", "y"]
    static let organisationWords: Set<String> = [
        "foundation", "institute", "institut", "university", "universität", "council", "centre", "center",
        "association", "society", "trust", "agency", "department", "ministry", "network", "group", "ltd",
        "inc", "college", "school", "office", "service", "services", "committee", "partnership", "alliance",
        "collaborative", "lab", "laboratory", "unit", "board", "authority", "nhs", "government", "commission",
        "organisation", "organization", "team", "project", "programme", "program", "forum", "coalition",
        "consortium", "federation", "bank", "company", "corporation", "charity", "nesta", "nef", "scie",
        "library", "press", "bureau", "stiftung", "verein", "verband", "gmbh", "ev",
    ]

    /// One person from a display or sort name; an organisation becomes a
    /// `literal` name.
    public static func parse(_ rawName: String) -> Person? {
        let name = clean(rawName)
        guard !name.isEmpty else { return nil }
        if isOrganisation(name) { return Person(literal: name) }
        if let comma = name.firstIndex(of: ",") {
            let family = String(name[..<comma]).trimmed
            let given = stripSuffixes(String(name[name.index(after: comma)...]).trimmed)
            if !family.isEmpty { return Person(family: family, given: given.isEmpty ? nil : given) }
        }
        var tokens = name.split(separator: " ").map(String.init)
        while let first = tokens.first, tokens.count > 1, honorifics.contains(tokenKey(first)) { tokens.removeFirst() }
        while let last = tokens.last, tokens.count > 1, suffixes.contains(tokenKey(last)) { tokens.removeLast() }
        guard let familyLast = tokens.last else { return nil }
        guard tokens.count > 1 else { return Person(family: familyLast) }
        // "Bovaird T", "Van Ryzin GG": the family name, then initials.
        if isInitials(familyLast) && !isInitials(tokens[0]) {
            return Person(family: tokens.dropLast().joined(separator: " "), given: familyLast)
        }
        var familyStart = tokens.count - 1
        while familyStart > 1, particles.contains(tokens[familyStart - 1].lowercased()) { familyStart -= 1 }
        if familyStart == 1, particles.contains(tokens[0].lowercased()) { familyStart = 0 }
        let family = tokens[familyStart...].joined(separator: " ")
        let given = tokens[..<familyStart].joined(separator: " ")
        return Person(family: family, given: given.isEmpty ? nil : given)
    }

    /// People from a list: "A. Body, E. Hogg", "Tuurnas, Sanna, Stenvall,
    /// Jari", "Smith, J.; Doe, A.", "Jane Doe and John Roe". Catalogs always
    /// write "Family, Given, Family, Given": say so with `sortNamesFirst`,
    /// as "Van Ryzin, Gregg G" cannot be told from "A. Body, E. Hogg".
    public static func parseList(_ text: String, sortNamesFirst: Bool = false) -> [Person] {
        let cleaned = text.trimmed
        if sortNamesFirst && !cleaned.contains(";") {
            let parts = cleaned.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
            return stride(from: 0, to: parts.count, by: 2).compactMap { index in
                parse(index + 1 < parts.count ? parts[index] + ", " + parts[index + 1] : parts[index])
            }
        }
        if cleaned.contains(";") {
            return cleaned.split(separator: ";").compactMap { parse(String($0)) }
        }
        let andParts = cleaned.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }
        if andParts.count > 1 {
            return andParts.flatMap { part -> [Person] in
                let sub = part.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
                if sub.count > 1 && sub.allSatisfy({ $0.contains(" ") }) { return sub.compactMap(parse) }
                return parse(part).map { [$0] } ?? []
            }
        }
        let parts = cleaned.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
        if parts.count > 1 && parts.allSatisfy({ $0.contains(" ") || $0.contains(".") && $0.count > 3 && $0.contains(where: \.isLowercase) }) {
            return parts.compactMap(parse)
        }
        if parts.count >= 2 && parts.count % 2 == 0 {
            return stride(from: 0, to: parts.count, by: 2).compactMap { parse(parts[$0] + ", " + parts[$0 + 1]) }
        }
        return parts.compactMap(parse)
    }

    /// Whether a name is an organisation's: it holds a word such as
    /// Foundation or University, or is long.
    public static func isOrganisation(_ name: String) -> Bool {
        let words = name.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
        return words.contains(where: organisationWords.contains) || words.count > 5
    }

    /// Whether a short text reads as a person's name (for "Speaker – Title"
    /// lines): two to five capitalised words, no digits or sentence marks.
    public static func looksLikePersonName(_ text: String) -> Bool {
        let name = clean(text)
        guard (3...60).contains(name.count), !name.contains(where: { $0.isNumber || "?!:;\"“”".contains($0) }) else { return false }
        guard !isOrganisation(name) else { return false }
        var words = name.split(separator: " ").map(String.init)
        while let first = words.first, words.count > 1, honorifics.contains(tokenKey(first)) { words.removeFirst() }
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            particles.contains(word.lowercased()) || (word.first?.isUppercase ?? false)
        }
    }

    /// The people of "Jane Roe and John Doe", "Jane Roe & John Doe" or
    /// "Jane Roe, John Doe" when every part reads as a name; else nil.
    public static func nameList(_ text: String) -> [String]? {
        let parts = text.replacingOccurrences(of: " & ", with: " and ").replacingOccurrences(of: ", and ", with: " and ")
            .components(separatedBy: " and ").flatMap { $0.components(separatedBy: ", ") }.map { $0.trimmed }
        guard parts.count > 1, parts.allSatisfy(looksLikePersonName) else { return nil }
        return parts
    }

    /// The name without role notes ("[VerfasserIn]", "(Hrsg.)"), life dates
    /// ("1970-") or "et al.".
    static func clean(_ name: String) -> String {
        // Most names hold nothing to remove.
        let trimmed = name.trimmed
        if let first = trimmed.utf8.first, let last = trimmed.utf8.last, first != 0x2C, first != 0x3B, last != 0x2C, last != 0x3B,
           !trimmed.utf8.contains(where: { $0 == 0x5B || $0 == 0x28 || ($0 >= 0x30 && $0 <= 0x39) }),
           !trimmed.contains("et al.") && !trimmed.contains("  ") {
            return trimmed
        }
        var text = name
        for (open, close) in [("[", "]"), ("(", ")")] {
            while let start = text.firstIndex(of: Character(open)), let end = text[start...].firstIndex(of: Character(close)) {
                text.removeSubrange(start...end)
            }
        }
        text = text.replacingOccurrences(of: "et al.", with: "")
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        while let last = words.last, last.allSatisfy({ $0.isNumber || $0 == "-" }), last.contains(where: \.isNumber) {
            words.removeLast()
        }
        return words.joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " ,;"))
    }

    /// "T", "GG", "J.", "J.-P." — but not a word such as "Jo" or "Ian".
    private static func isInitials(_ token: String) -> Bool {
        let letters = token.filter(\.isLetter)
        return (1...3).contains(letters.count) && letters.allSatisfy(\.isUppercase) && !suffixes.contains(tokenKey(token))
    }

    private static func stripSuffixes(_ given: String) -> String {
        given.split(separator: " ").filter { !suffixes.contains(tokenKey(String($0))) }.joined(separator: " ")
    }

    /// A token lowercased, without surrounding dots and commas.
    private static func tokenKey(_ token: String) -> String {
        var key = Substring(token.lowercased())
        while let first = key.first, first == "." || first == "," { key = key.dropFirst() }
        while let last = key.last, last == "." || last == "," { key = key.dropLast() }
        return String(key)
    }
}
