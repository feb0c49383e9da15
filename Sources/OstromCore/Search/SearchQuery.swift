import Foundation

/// A parsed query: clauses that must all match (AND), each a choice of
/// atoms (OR), and atoms that must not match (`-term`).
public struct SearchQuery: Equatable, Sendable {
    public enum Atom: Hashable, Sendable {
        /// A word; `field` nil means any text field.
        case term(String, field: SearchField?)
        /// The start of a word (`partic*`): the words it begins.
        case prefix(String, field: SearchField?)
        case phrase(String, field: SearchField?)
        case kind(RecordKind)
        /// Publication type, matched as a prefix (`type:article`).
        case type(String)
        case years(ClosedRange<Int>)
        /// DOI, matched as a prefix, case-insensitively.
        case doi(String)
    }

    public struct Clause: Equatable, Sendable {
        public var atoms: [Atom]
    }

    public var clauses: [Clause] = []
    public var excluded: [Atom] = []
    /// Whether a term of 5 letters or more also matches words an edit or two
    /// away (the config file's `[search] typos`).
    public var allowsTypos = true

    public var isEmpty: Bool { clauses.isEmpty && excluded.isEmpty }

    /// Whether the query reads the records' text, not only the index: a
    /// phrase within one field (`title:"public services"`).
    public var readsRecords: Bool {
        (clauses.flatMap(\.atoms) + excluded).contains { atom in
            if case .phrase(_, let field) = atom { return field != nil }
            return false
        }
    }

    /// The names `field:` may take.
    public static let fieldNames = ["title", "author", "abstract", "body", "venue", "kind", "type", "year", "doi"]

    /// Parses the query language. While `typing`, a phrase whose closing
    /// quote is still to come counts as closed, so that the list narrows
    /// as the phrase is typed.
    public static func parse(_ text: String, typing: Bool = false) throws(QueryError) -> SearchQuery {
        var parser = QueryParser(text: Array(text), closesOpenQuote: typing)
        return try parser.parse()
    }

    /// The fields whose words may be prefixes (`title:partic*`).
    static let wordFields: Set<String> = ["title", "author", "abstract", "body", "venue"]

    /// The query as the prompt runs it while it is typed: the word under
    /// the cursor (ending at it or holding it) is taken as the start of a
    /// word, as if `*` followed it. Only that word, and only a word that
    /// could take a `*`: not a quoted one, an `OR`, or a `kind:`, `year:`
    /// or state word.
    public static func typed(_ text: String, cursor: Int) -> String {
        guard let word = wordUnderCursor(in: text, cursor: cursor) else { return text }
        return text[..<word.upperBound] + "*" + text[word.upperBound...]
    }

    /// The word `typed` makes a prefix.
    public static func wordUnderCursor(_ text: String, cursor: Int) -> Substring? {
        wordUnderCursor(in: text, cursor: cursor).map { text[$0] }
    }

    /// Where that word stands (found without copying the text: the prompt
    /// asks at every key).
    private static func wordUnderCursor(in text: String, cursor: Int) -> Range<String.Index>? {
        guard cursor > 0, let end = text.index(text.startIndex, offsetBy: cursor, limitedBy: text.endIndex),
              !text[text.index(before: end)].isWhitespace else { return nil }
        var start = end
        while start > text.startIndex && !text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
        let after = text[end...].firstIndex(where: \.isWhitespace) ?? text.endIndex
        let word = text[start..<after]
        let quotesBefore = text.utf8[..<start].count { $0 == 0x22 }
        guard quotesBefore % 2 == 0, !word.contains("\""), word != "OR", word.last != "*" else { return nil }
        let bare = word.hasPrefix("-") ? word.dropFirst() : word
        if let colon = bare.firstIndex(of: ":") {
            let name = bare[..<colon].lowercased()
            guard wordFields.contains(name), colon < bare.index(before: bare.endIndex) else { return nil }
        }
        guard bare.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return start..<after
    }
}

/// What is wrong with a query, for the prompt line and stderr.
public struct QueryError: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// 0-based character offset where the problem starts.
    public var position: Int

    public var description: String { message }
}

/// A small hand-written parser: the language is a handful of forms and the
/// messages must say exactly what is wrong and where.
struct QueryParser {
    let text: [Character]
    let closesOpenQuote: Bool
    var index = 0

    init(text: [Character], closesOpenQuote: Bool = false) {
        self.text = text
        self.closesOpenQuote = closesOpenQuote
    }

    mutating func parse() throws(QueryError) -> SearchQuery {
        var query = SearchQuery()
        var joinWithPrevious = false
        while true {
            skipSpaces()
            guard index < text.count else { break }
            let start = index
            if atOR() {
                guard !query.clauses.isEmpty, !joinWithPrevious else {
                    throw QueryError(message: "OR needs a term before it", position: start)
                }
                index += 2
                joinWithPrevious = true
                continue
            }
            var negated = false
            if text[index] == "-", index + 1 < text.count, !text[index + 1].isWhitespace {
                negated = true
                index += 1
            }
            guard let atom = try parseAtom() else { continue }
            if negated {
                if joinWithPrevious { throw QueryError(message: "OR cannot join a -term", position: start) }
                query.excluded.append(atom)
            } else if joinWithPrevious {
                query.clauses[query.clauses.count - 1].atoms.append(atom)
                joinWithPrevious = false
            } else {
                query.clauses.append(SearchQuery.Clause(atoms: [atom]))
            }
        }
        if joinWithPrevious { throw QueryError(message: "OR needs a term after it", position: text.count) }
        return query
    }

    private mutating func skipSpaces() {
        while index < text.count && text[index].isWhitespace { index += 1 }
    }

    /// Whether the word at the cursor is `OR`: looked at in place, as
    /// measuring the whole word each time made a long run of quotes quadratic.
    private func atOR() -> Bool {
        index + 1 < text.count && text[index] == "O" && text[index + 1] == "R" && (index + 2 == text.count || text[index + 2].isWhitespace)
    }

    private mutating func parseAtom() throws(QueryError) -> SearchQuery.Atom? {
        let start = index
        if text[index] == "\"" { return .phrase(try readQuoted(), field: nil) }
        // A field: letters then a colon.
        var probe = index
        while probe < text.count && text[probe].isLetter { probe += 1 }
        if probe < text.count, text[probe] == ":", probe > index {
            let name = String(text[index..<probe]).lowercased()
            index = probe + 1
            return try parseField(name, start: start)
        }
        let word = readBare()
        if word.hasSuffix("*") {
            let start = Self.droppingStars(word)
            return start.isEmpty ? nil : .prefix(start, field: nil)
        }
        return word.isEmpty ? nil : .term(word, field: nil)
    }

    private mutating func parseField(_ name: String, start: Int) throws(QueryError) -> SearchQuery.Atom {
        guard SearchQuery.fieldNames.contains(name) else {
            throw QueryError(message: "unknown field “\(name):” — use " + (SearchQuery.fieldNames + ["tag", "stage", "level", "principle"]).map { $0 + ":" }.joined(separator: " "),
                             position: start)
        }
        let quoted = index < text.count && text[index] == "\""
        var value = quoted ? try readQuoted() : readBare()
        // `word*`: a word field's prefix; `type:` and `doi:` are prefixes anyway.
        let starred = !quoted && value.hasSuffix("*") && (SearchQuery.wordFields.contains(name) || name == "type" || name == "doi")
        if starred { value = Self.droppingStars(value) }
        guard !value.isEmpty else { throw QueryError(message: "\(name): needs a value", position: start) }
        switch name {
        case "kind":
            guard let kind = RecordKind(rawValue: value.lowercased()) else {
                throw QueryError(message: "kind: is one of " + RecordKind.allCases.map(\.rawValue).joined(separator: ", "), position: start)
            }
            return .kind(kind)
        case "type": return .type(value.lowercased())
        case "doi": return .doi(value.lowercased())
        case "year":
            guard let years = Self.years(value) else {
                throw QueryError(message: "year: takes 2016, 2015..2020, >2018 or <2000", position: start)
            }
            return .years(years)
        default:
            let field: SearchField = switch name {
            case "title": .title
            case "author": .people
            case "abstract": .abstract
            case "body": .body
            default: .venue
            }
            if quoted { return .phrase(value, field: field) }
            return starred ? .prefix(value, field: field) : .term(value, field: field)
        }
    }

    static func droppingStars(_ word: String) -> String {
        var word = word
        while word.last == "*" { word.removeLast() }
        return word
    }

    /// `2016`, `2015..2020`, `2015-2020`, `>2018`, `>=2018`, `<2000`, `<=2000`.
    static func years(_ value: String) -> ClosedRange<Int>? {
        let low = 0
        let high = 9999
        func year(_ text: Substring) -> Int? { Int(text).flatMap { (0...9999).contains($0) ? $0 : nil } }
        if value.hasPrefix(">=") { return year(value.dropFirst(2)).map { $0...high } }
        if value.hasPrefix("<=") { return year(value.dropFirst(2)).map { low...$0 } }
        if value.hasPrefix(">") { return year(value.dropFirst()).map { $0 + 1...high } }
        if value.hasPrefix("<") { return year(value.dropFirst()).flatMap { $0 > 0 ? low...($0 - 1) : nil } }
        for separator in ["..", "-"] {
            let parts = value.components(separatedBy: separator)
            if parts.count == 2, let from = year(Substring(parts[0])), let to = year(Substring(parts[1])), from <= to {
                return from...to
            }
        }
        return year(Substring(value)).map { $0...$0 }
    }

    private mutating func readQuoted() throws(QueryError) -> String {
        let start = index
        index += 1
        var value = ""
        while index < text.count && text[index] != "\"" {
            value.append(text[index])
            index += 1
        }
        guard index < text.count else {
            if closesOpenQuote { return value }
            throw QueryError(message: "unclosed quote", position: start)
        }
        index += 1
        return value
    }

    private mutating func readBare() -> String {
        var value = ""
        while index < text.count && !text[index].isWhitespace && text[index] != "\"" {
            value.append(text[index])
            index += 1
        }
        return value
    }
}
