/// The words of a query that the user's state answers, not the index:
/// `tag:care`, `stage:with`, `level:transformative`,
/// `principle:"peer support"`, each also as `-field:` to exclude. They are
/// taken out of the query and applied to its hits.
public struct StateFilter: Equatable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case tag, stage, level, principle
    }

    /// One word: the names it allows (a tag, or the stages, levels or
    /// principles the value means), or excludes.
    public struct Condition: Equatable, Sendable {
        public var field: Field
        public var names: [String]
        public var excluded: Bool
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
    public var needsPlacements: Bool { conditions.contains { $0.field != .tag } }

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
                // A quoted value runs to its closing quote (or the end while typing).
                while value.filter({ $0 == "\"" }).count < 2, let next = words.popFirst() { value += " " + next }
                value = value.filter { $0 != "\"" }
            }
            guard !value.isEmpty else { continue }
            filter.conditions.append(Condition(field: field, names: try resolve(value, as: field, names: names), excluded: excluded))
        }
        return (rest.joined(separator: " "), filter)
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
        case .stage: kind = .stage
        case .level: kind = .level
        case .principle: kind = .principle
        }
        let resolved = names.resolve(value, as: kind)
        guard resolved.isEmpty else { return resolved }
        let choices = names.all(kind).map { kind == .stage ? ($0.split(separator: " ").last.map(String.init) ?? $0) : $0.lowercased() }
        throw Error(message: "no \(field.rawValue) “\(value)” (\(choices.joined(separator: ", ")))")
    }

    /// Whether a record passes: its tags, and (asked only when needed) its
    /// place on the ladder.
    public func admits(_ annotation: Annotation, placement: () -> PlacementChoice) -> Bool {
        var choice: PlacementChoice?
        for condition in conditions {
            let values: [String]
            switch condition.field {
            case .tag:
                values = annotation.tags
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
