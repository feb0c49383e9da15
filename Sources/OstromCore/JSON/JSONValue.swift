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
        var output: [UInt8] = []
        write(to: &output, indent: pretty ? 0 : nil)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value's JSON to `output` as UTF-8, `indent` spaces in
    /// (nil: on one line).
    public func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let number): output += String(number).utf8
        case .decimal(let number, let places): output += (number.isFinite ? String(format: "%.\(places)f", number) : "0").utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let items):
            Self.writeContainer(open: 0x5B, close: 0x5D, count: items.count, to: &output, indent: indent) { index, output, inner in
                items[index].write(to: &output, indent: inner)
            }
        case .object(let members):
            Self.writeContainer(open: 0x7B, close: 0x7D, count: members.count, to: &output, indent: indent) { index, output, inner in
                Self.writeString(members[index].0, to: &output)
                output.append(0x3A)
                if inner != nil { output.append(0x20) }
                members[index].1.write(to: &output, indent: inner)
            }
        }
    }

    /// A JSON array written as it is made, a part at a time: the same
    /// bytes as `.array(…).serialized(pretty: true)`, without holding
    /// every element (or all the text) at once. Elements are made and
    /// written a batch at a time, two batches at once on two cores, and
    /// handed on in order: `flush` is handed the text whenever `limit`
    /// bytes have piled up, and at the end.
    /// `indent` is where the array stands, as `write(to:indent:)` has it.
    public static func streamArray(count: Int, limit: Int = 1 << 20, indent: Int = 0, element: @Sendable (Int) -> JSONValue,
                                   flush: ([UInt8]) -> Void) {
        guard count > 0 else { return flush([0x5B, 0x5D]) }
        var output: [UInt8] = [0x5B]
        output.reserveCapacity(limit + 65_536)
        var start = 0
        while start < count {
            let batches = (0..<2).map { min(count, start + $0 * streamBatch)..<min(count, start + ($0 + 1) * streamBatch) }
            var parts = [[UInt8]](repeating: [], count: 2)
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: batches[1].isEmpty ? 1 : 2) { batch in
                    var part: [UInt8] = []
                    for index in batches[batch] {
                        startElement(index, indent: indent + 2, to: &part)
                        element(index).write(to: &part, indent: indent + 2)
                    }
                    slots[batch] = part
                }
            }
            output += parts[0]
            output += parts[1]
            if output.count >= limit {
                flush(output)
                output.removeAll(keepingCapacity: true)
            }
            start = batches[1].upperBound
        }
        newLine(indent: indent, to: &output)
        output.append(0x5D)
        flush(output)
    }

    /// A JSON object whose last member is an array streamed as
    /// `streamArray` streams one: the same bytes as
    /// `.object(head + [(key, .array(…))]).serialized(pretty: true)`.
    public static func streamObject(_ head: [(String, JSONValue)], then key: String, count: Int, limit: Int = 1 << 20,
                                    element: @Sendable (Int) -> JSONValue, flush: ([UInt8]) -> Void) {
        var output: [UInt8] = [0x7B]
        func name(_ index: Int, _ name: String) {
            startElement(index, indent: 2, to: &output)
            writeString(name, to: &output)
            output += [0x3A, 0x20]
        }
        for (index, (key, value)) in head.enumerated() {
            name(index, key)
            value.write(to: &output, indent: 2)
        }
        name(head.count, key)
        flush(output)
        streamArray(count: count, limit: limit, indent: 2, element: element, flush: flush)
        flush([0x0A, 0x7D])
    }

    /// Elements a core makes and writes at a time when an array is streamed.
    public static let streamBatch = 256

    private static func writeContainer(open: UInt8, close: UInt8, count: Int, to output: inout [UInt8], indent: Int?,
                                       element: (Int, inout [UInt8], Int?) -> Void) {
        output.append(open)
        guard count > 0 else {
            output.append(close)
            return
        }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            startElement(index, indent: inner, to: &output)
            element(index, &output, inner)
        }
        if let indent { newLine(indent: indent, to: &output) }
        output.append(close)
    }

    /// What goes before a container's element or member: a comma after the
    /// first, and, pretty, a new line `indent` spaces in.
    private static func startElement(_ index: Int, indent: Int?, to output: inout [UInt8]) {
        if index > 0 { output.append(0x2C) }
        if let indent { newLine(indent: indent, to: &output) }
    }

    private static func newLine(indent: Int, to output: inout [UInt8]) {
        output.append(0x0A)
        for _ in 0..<indent { output.append(0x20) }
    }

    /// A JSON string: `"` and `\` escaped, line feed, return and tab as
    /// `\n` `\r` `\t`, and every other control, C1 and bidi character
    /// (and U+2028, U+2029) as `\uXXXX`, so that JSON on a terminal is as
    /// safe as the text views. Runs of other bytes are copied as they are:
    /// only the lead bytes of those characters (C2, D8, E2) are looked at.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            plainBytes.withUnsafeBufferPointer { plain in
                var start = 0
                var index = 0
                let raw = UnsafeRawPointer(bytes.baseAddress)
                while index < bytes.count {
                    // Eight bytes at a time while they are plain ASCII.
                    if let raw, index + 8 <= bytes.count, Self.isPlainASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                        index += 8
                        continue
                    }
                    if plain[Int(bytes[index])] {
                        index += 1
                        continue
                    }
                    let (length, escape) = Self.escape(bytes, at: index)
                    guard let escape else {
                        index += length
                        continue
                    }
                    output += UnsafeBufferPointer(rebasing: bytes[start..<index])
                    output += escape
                    index += length
                    start = index
                }
                output += UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])
            }
        }
        output.append(0x22)
    }

    /// Whether eight bytes are all printable ASCII but `"` and `\`: no byte
    /// below 0x20, none above 0x7E (DEL and every byte of other
    /// characters), none equal to either (tests on the whole word at once).
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        let above = ((word &+ ones) | word) & highs != 0
        return !below && !above && !hasZero(word ^ (ones &* 0x22)) && !hasZero(word ^ (ones &* 0x5C))
    }

    /// The bytes copied as they are, looked up rather than tested: all but
    /// controls, `"`, `\`, DEL, and the lead bytes of the characters that
    /// may need escaping (C2 for C1 controls, D8 for Arabic letter marks,
    /// E2 for bidi overrides and U+2028, U+2029).
    private static let plainBytes: [Bool] = (0...255).map { byte in
        byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C || byte > 0x7F && byte != 0xC2 && byte != 0xD8 && byte != 0xE2
    }

    /// At a byte that may start an escape: how many bytes the character
    /// takes, and its escape when it needs one.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, [UInt8]?) {
        let byte = bytes[index]
        switch byte {
        case 0x22: return (1, Array(#"\""#.utf8))
        case 0x5C: return (1, Array(#"\\"#.utf8))
        case 0x0A: return (1, Array(#"\n"#.utf8))
        case 0x0D: return (1, Array(#"\r"#.utf8))
        case 0x09: return (1, Array(#"\t"#.utf8))
        case 0..<0x20, 0x7F: return (1, unicodeEscape(UInt32(byte)))
        default: break
        }
        // A lead byte: decode the one character it starts.
        let length = byte >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return (1, nil) }
        let value = byte >= 0xE0
            ? (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            : (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
        guard let scalar = Unicode.Scalar(value), TerminalSafeText.isUnsafe(scalar) || value == 0x2028 || value == 0x2029 else {
            return (length, nil)
        }
        return (length, unicodeEscape(value))
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        Array(("\\u" + TerminalSafeText.hex4(value)).utf8)
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
