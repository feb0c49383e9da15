/// A value written as Swift source that makes it again: a struct as its
/// memberwise initialiser's call (its stored properties in order), arrays
/// and dictionaries (keys sorted) as literals, strings escaped. For the
/// models compiled into `Sources/OstromCore/Generated`.
enum SwiftLiteral {
    static func source(of value: Any, indent: String = "") -> String {
        if let text = value as? String { return string(text) }
        if let number = value as? Int { return String(number) }
        if let flag = value as? Bool { return String(flag) }
        let mirror = Mirror(reflecting: value)
        let inner = indent + "    "
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { source(of: $0.value, indent: indent) } ?? "nil"
        case .collection:
            let elements = mirror.children.map { source(of: $0.value, indent: inner) }
            return list(elements, indent: indent)
        case .dictionary:
            let pairs = mirror.children.map { pair -> (key: String, value: String) in
                let parts = Array(Mirror(reflecting: pair.value).children)
                return (source(of: parts[0].value, indent: inner), source(of: parts[1].value, indent: inner))
            }
            return pairs.isEmpty ? "[:]" : list(pairs.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }, indent: indent)
        case .struct:
            let name = String(reflecting: type(of: value)).replacingOccurrences(of: "OstromCore.", with: "")
            let arguments = mirror.children.map { "\(inner)\($0.label!): \(source(of: $0.value, indent: inner))" }
            return arguments.isEmpty ? name + "()" : name + "(\n" + arguments.joined(separator: ",\n") + "\n\(indent))"
        default:
            preconditionFailure("no Swift literal for \(type(of: value))")
        }
    }

    private static func list(_ elements: [String], indent: String) -> String {
        guard !elements.isEmpty else { return "[]" }
        // Short elements on one line, others one to a line.
        if elements.allSatisfy({ !$0.contains("\n") }) && elements.reduce(0, { $0 + $1.count + 2 }) < 100 {
            return "[" + elements.joined(separator: ", ") + "]"
        }
        return "[\n" + elements.map { indent + "    " + $0 }.joined(separator: ",\n") + ",\n\(indent)]"
    }

    /// A string literal: quotes, backslashes and every control character escaped.
    private static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\t": literal += "\\t"
            case "\r": literal += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    literal += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }
}
