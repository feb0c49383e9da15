/// Recognises lines of the form `Label: value` whose label is one of a
/// known set, matched without regard to case or surrounding spaces.
struct LabelTable<Field: Hashable & Sendable>: Sendable {
    private let fields: [String: Field]

    init(_ labels: [Field: [String]]) {
        var fields: [String: Field] = [:]
        for (field, names) in labels {
            for name in names { fields[name.lowercased()] = field }
        }
        self.fields = fields
    }

    /// The field and the (trimmed, possibly empty) value of a labelled line.
    func match(_ line: String) -> (field: Field, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].whitespaceNormalised.lowercased()
        guard label.count <= 40, let field = fields[label] else { return nil }
        return (field, String(line[line.index(after: colon)...]).trimmed)
    }
}
