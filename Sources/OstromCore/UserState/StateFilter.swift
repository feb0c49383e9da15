/// The words of a query that the user's state answers, not the index:
/// `tag:care`, `starred:yes`, `note:word`, `added:>2026-01-01`,
/// `stage:with`, `level:transformative`, `principle:"peer support"`, each
/// also as `-field:` to exclude. They are taken out of the query and
/// applied to its hits.
public struct StateFilter: Equatable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case tag, starred, note, added, stage, level, principle
    }

    /// One word: the names it allows (a tag; the stages, levels or
    /// principles the value means; `yes` or `no` for the star; the folded
    /// word for the note), or the days for `added:`; or what it excludes.
    public struct Condition: Equatable, Sendable {
        public var field: Field
        public var names: [String]
        public var excluded: Bool
        public var days: DayRange? = nil
    }

    public struct Error: Swift.Error, Equatable {
        public var message: String
    }

    public var conditions: [Condition] = []

    public init(conditions: [Condition] = []) {
        self.conditions = conditions
    }

    public var isEmpty: Bool { conditions.isEmpty }

    /// Whether the filter asks about placements (which cost an analysis).
    public var needsPlacements: Bool { conditions.contains { [.stage, .level, .principle].contains($0.field) } }

    /// The query without its state words (words inside quotes are left),
    /// and the filter they make. A field with nothing after it (still
    /// being typed) is dropped; a value that names no stage, level or
    /// principle is an error.
    public static func split(_ query: String, names: PlacementNames) throws(Error) -> (rest: String, filter: StateFilter) {
        var filter = StateFilter()
        var rest: [String] = []
        var inQuotes = false
        var words = query.split(separator: " ", omittingEmptySubsequences: false)[...]
        while let word = words.popFirst() {
            guard !inQuotes, let (field, excluded, start) = fieldPrefix(of: word) else {
                if word.filter({ $0 == "\"" }).count % 2 == 1 { inQuotes.toggle() }
                rest.append(String(word))
                continue
            }
            var value = String(word.dropFirst(start))
            if value.hasPrefix("\"") {
                // A quoted value runs to its closing quote (or the end while
                // typing); the quotes are counted word by word, not again
                // over the whole value for each word (a long quote was quadratic).
                var quotes = value.reduce(0) { $0 + ($1 == "\"" ? 1 : 0) }
                var parts = [value]
                while quotes < 2, let next = words.popFirst() {
                    parts.append(String(next))
                    quotes += next.reduce(0) { $0 + ($1 == "\"" ? 1 : 0) }
                }
                value = parts.joined(separator: " ").filter { $0 != "\"" }
            }
            guard !value.isEmpty else { continue }
            if field == .added {
                guard let days = DayRange(value) else {
                    throw Error(message: "added: wants a day, month or year: 2026, 2026-03, 2026-03-15, >2026-01-01, <=2026-06, 2026-01..2026-03")
                }
                filter.conditions.append(Condition(field: field, names: [], excluded: excluded, days: days))
                continue
            }
            filter.conditions.append(Condition(field: field, names: try resolve(value, as: field, names: names), excluded: excluded))
        }
        return (rest.joined(separator: " "), filter)
    }

    /// Days as `YYYY-MM-DD` text: `2026`, `2026-03`, `2026-03-15`, with
    /// `>`, `>=`, `<`, `<=` before it, or `FROM..TO`. Compared as text: a
    /// day starts with its month and year, so `D` holds the days from "D"
    /// up to (not including) "D~".
    public struct DayRange: Equatable, Sendable {
        public var from: String
        public var before: String

        public init?(_ text: String) {
            func valid(_ day: Substring) -> Bool {
                let parts = day.split(separator: "-", omittingEmptySubsequences: false)
                return (1...3).contains(parts.count) && parts[0].count == 4
                    && parts.dropFirst().allSatisfy { $0.count == 2 } && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            }
            var value = Substring(text)
            var from = "0000", before = "9999~"
            if let range = value.range(of: "..") {
                let first = value[..<range.lowerBound], last = value[range.upperBound...]
                guard valid(first), valid(last) else { return nil }
                from = String(first)
                before = last + "~"
            } else {
                var comparison = ""
                while let first = value.first, "<>=".contains(first) {
                    comparison.append(first)
                    value = value.dropFirst()
                }
                guard valid(value) else { return nil }
                let day = String(value)
                switch comparison {
                case "": (from, before) = (day, day + "~")
                case ">": from = day + "~"
                case ">=": from = day
                case "<": before = day
                case "<=": before = day + "~"
                default: return nil
                }
            }
            self.from = from
            self.before = before
        }

        public func contains(_ day: String) -> Bool { day >= from && day < before }
    }

    private static func fieldPrefix(of word: Substring) -> (Field, excluded: Bool, length: Int)? {
        let excluded = word.hasPrefix("-")
        let lowered = word.dropFirst(excluded ? 1 : 0).lowercased()
        for field in Field.allCases where lowered.hasPrefix(field.rawValue + ":") {
            return (field, excluded, field.rawValue.count + 1 + (excluded ? 1 : 0))
        }
        return nil
    }

    private static func resolve(_ value: String, as field: Field, names: PlacementNames) throws(Error) -> [String] {
        let kind: PlacementNames.Kind
        switch field {
        case .tag: return [value]
        case .note: return [ASCIIFolding.fold(value)]
        case .starred:
            switch value.lowercased() {
            case "yes", "y", "true": return ["yes"]
            case "no", "n", "false": return ["no"]
            default: throw Error(message: "starred: wants yes or no, not “\(value)”")
            }
        case .added: return []
        case .stage: kind = .stage
        case .level: kind = .level
        case .principle: kind = .principle
        }
        let resolved = names.resolve(value, as: kind)
        guard resolved.isEmpty else { return resolved }
        let choices = names.all(kind).map { kind == .stage ? ($0.split(separator: " ").last.map(String.init) ?? $0) : $0.lowercased() }
        throw Error(message: "no \(field.rawValue) “\(value)” (\(choices.joined(separator: ", ")))")
    }

    /// Whether a record passes: its star, tags and note, the day it was
    /// added to the library (`YYYY-MM-DD`; nil for a record that is not in
    /// it), and (asked only when needed) its place on the ladder.
    public func admits(_ annotation: Annotation, added: String? = nil, placement: () -> PlacementChoice) -> Bool {
        var choice: PlacementChoice?
        for condition in conditions {
            let values: [String]
            switch condition.field {
            case .tag:
                values = annotation.tags
            case .starred:
                values = [annotation.starred ? "yes" : "no"]
            case .note:
                let note = ASCIIFolding.fold(annotation.note ?? "")
                values = condition.names.filter { note.contains($0) }
            case .added:
                let inside = added.map { condition.days?.contains($0) == true } ?? false
                if inside == condition.excluded { return false }
                continue
            default:
                let place = choice ?? placement()
                choice = place
                switch condition.field {
                case .stage: values = place.stage.map { [$0] } ?? []
                case .level: values = place.level.map { [$0] } ?? []
                default: values = place.principles
                }
            }
            if values.contains(where: condition.names.contains) == condition.excluded { return false }
        }
        return true
    }
}
