import Foundation

/// A JSON value whose objects keep their keys in order, written with every
/// control, C1 and bidi-override character escaped, so that JSON printed
/// to a terminal is as safe as the text views.
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    /// A number written with a fixed count of decimals.
    case decimal(Double, places: Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or `null` when there is none.
    public static func stringOrNull(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The value as JSON text, indented by two spaces per level.
    public func serialized(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, indent: pretty ? 0 : nil)
        return output
    }

    private func write(to output: inout String, indent: Int?) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let number): output += String(number)
        case .decimal(let number, let places): output += number.isFinite ? String(format: "%.\(places)f", number) : "0"
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, to: &output, indent: indent) { index, output, inner in
                items[index].write(to: &output, indent: inner)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, to: &output, indent: indent) { index, output, inner in
                Self.writeString(members[index].0, to: &output)
                output += inner == nil ? ":" : ": "
                members[index].1.write(to: &output, indent: inner)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, to output: inout String, indent: Int?,
                                element: (Int, inout String, Int?) -> Void) {
        output += open
        guard count > 0 else { output += close; return }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output += "," }
            if let inner { output += "\n" + String(repeating: " ", count: inner) }
            element(index, &output, inner)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if TerminalSafeText.isUnsafe(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    output += "\\u" + TerminalSafeText.hex4(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

/// Builds JSON objects field by field, leaving out absent and empty values
/// (never `""`, `[]` or `null`).
public struct JSONObjectBuilder {
    public private(set) var members: [(String, JSONValue)] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { members.append((key, .string(value))) }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        if let value { members.append((key, .integer(value))) }
    }

    public mutating func add(_ key: String, _ values: [String]) {
        if !values.isEmpty { members.append((key, .array(values.map(JSONValue.string)))) }
    }

    public mutating func add(_ key: String, _ value: JSONValue?) {
        switch value {
        case nil: return
        case .array(let items)? where items.isEmpty: return
        case .object(let fields)? where fields.isEmpty: return
        case let value?: members.append((key, value))
        }
    }

    public var value: JSONValue { .object(members) }
}
