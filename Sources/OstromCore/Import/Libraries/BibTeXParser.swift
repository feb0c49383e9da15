/// Reads BibTeX on bytes: entries with their fields (values kept as
/// written, braces and all, after `#` concatenation and `@string` and
/// month macros are resolved), `@string`, `@comment` and `@preamble`. A
/// malformed entry is reported with its line and skipped; parsing goes on
/// at the next `@`.
struct BibTeXParser {
    struct Entry {
        var type: String
        var key: String
        var fields: [(name: String, value: String)]
        var line: Int
    }

    /// How deep braces may nest in a value before the entry is refused.
    static let maximumDepth = 64

    static let monthMacros: [String: String] = [
        "jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6",
        "jul": "7", "aug": "8", "sep": "9", "oct": "10", "nov": "11", "dec": "12",
    ]

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var macros: [String: String] = monthMacros
    private(set) var entries: [Entry] = []
    private(set) var problems: [(line: Int, message: String)] = []

    init(text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    private struct Failure: Error {
        var line: Int
        var message: String
    }

    mutating func parse() {
        while let at = nextAt() {
            index = at + 1
            do {
                try readItem()
            } catch {
                problems.append((error.line, error.message))
                // Go on at the next @ that starts a line (perhaps the one that ended this entry).
                if index < bytes.count && bytes[index] == 0x40 && (index == 0 || bytes[index - 1] == 0x0A) { continue }
                while index < bytes.count {
                    if bytes[index] == 0x0A {
                        line += 1
                        if index + 1 < bytes.count && Self.isItemStart(bytes, index + 1) { index += 1; break }
                    }
                    index += 1
                }
            }
        }
    }

    /// The next `@` outside an entry (text between entries is a comment).
    private mutating func nextAt() -> Int? {
        while index < bytes.count {
            if bytes[index] == 0x40 { return index }
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        return nil
    }

    /// Whether an `@word{` starts at `position` (after spaces).
    private static func isItemStart(_ bytes: [UInt8], _ position: Int) -> Bool {
        var index = position
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        return index < bytes.count && bytes[index] == 0x40
    }

    private mutating func readItem() throws(Failure) {
        let start = line
        let type = readIdentifier().lowercased()
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x7B || bytes[index] == 0x28 else {
            throw Failure(line: start, message: type.isEmpty ? "“@” is not followed by an entry type" : "@\(type) is not followed by “{”")
        }
        let close: UInt8 = bytes[index] == 0x7B ? 0x7D : 0x29
        index += 1
        switch type {
        case "comment", "preamble":
            try skipBalanced(from: start, close: close)
        case "string":
            skipSpace()
            let name = readIdentifier().lowercased()
            skipSpace()
            guard !name.isEmpty, index < bytes.count, bytes[index] == 0x3D else {
                throw Failure(line: start, message: "@string needs “name = value”")
            }
            index += 1
            macros[name] = try readValue(entryLine: start)
            skipSpace()
            guard index < bytes.count, bytes[index] == close else { throw Failure(line: start, message: "@string is not closed") }
            index += 1
        default:
            try readEntry(type: type, close: close, start: start)
        }
    }

    private mutating func readEntry(type: String, close: UInt8, start: Int) throws(Failure) {
        skipSpace()
        let keyStart = index
        while index < bytes.count, bytes[index] != 0x2C, bytes[index] != close, !Self.isSpace(bytes[index]) { index += 1 }
        let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
        skipSpace()
        guard !key.isEmpty else { throw Failure(line: start, message: "@\(type) entry has no citation key") }
        var fields: [(String, String)] = []
        while true {
            skipSpace()
            guard index < bytes.count else { throw Failure(line: start, message: "entry \(key) is not closed (a “}” is missing)") }
            if bytes[index] == close {
                index += 1
                break
            }
            if bytes[index] == 0x2C {
                index += 1
                continue
            }
            let fieldLine = line
            let name = readIdentifier().lowercased()
            skipSpace()
            guard !name.isEmpty, index < bytes.count, bytes[index] == 0x3D else {
                throw Failure(line: fieldLine, message: "entry \(key): expected “field = value”")
            }
            index += 1
            do {
                fields.append((name, try readValue(entryLine: fieldLine)))
            } catch {
                throw Failure(line: error.line, message: "entry \(key), field \(name): \(error.message)")
            }
        }
        entries.append(Entry(type: type, key: key, fields: fields, line: start))
    }

    /// A value: parts joined by `#`, each braced, quoted, a number or a macro.
    private mutating func readValue(entryLine: Int) throws(Failure) -> String {
        var value = ""
        while true {
            skipSpace()
            guard index < bytes.count else { throw Failure(line: entryLine, message: "a value is cut off at the end of the file") }
            switch bytes[index] {
            case 0x7B:
                index += 1
                value += try readDelimited(until: 0x7D, line: entryLine)
            case 0x22:
                index += 1
                value += try readDelimited(until: 0x22, line: entryLine)
            default:
                let word = readIdentifier()
                guard !word.isEmpty else { throw Failure(line: line, message: "a value is missing") }
                if word.allSatisfy(\.isNumber) {
                    value += word
                } else if let expansion = macros[word.lowercased()] {
                    value += expansion
                } else {
                    throw Failure(line: line, message: "unknown @string macro “\(word)”")
                }
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x23 else { return value }
            index += 1
        }
    }

    /// Text up to the closing delimiter at brace depth 0; inner braces are
    /// kept (they protect case, or hold accents).
    private mutating func readDelimited(until end: UInt8, line entryLine: Int) throws(Failure) -> String {
        let start = index
        // Locals, not the struct's properties, in the loop: it reads every byte of every value.
        let bytes = self.bytes
        var position = index
        var lines = 0
        defer {
            index = position
            line += lines
        }
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x5C {
                position += 2
                continue
            }
            if byte == 0x0A { lines += 1 }
            if byte == 0x7B {
                depth += 1
                if depth > Self.maximumDepth { throw Failure(line: entryLine, message: "braces nest deeper than \(Self.maximumDepth)") }
            } else if byte == 0x7D {
                if depth == 0 && end == 0x7D {
                    position += 1
                    return text(start..<(position - 1))
                }
                depth -= 1
                if depth < 0 { throw Failure(line: entryLine, message: "a “}” closes nothing") }
            } else if byte == end && depth == 0 {
                position += 1
                return text(start..<(position - 1))
            } else if byte == 0x40 && depth == 0 && position > 0 && bytes[position - 1] == 0x0A {
                throw Failure(line: entryLine, message: "a value is not closed before the next entry")
            }
            position += 1
        }
        throw Failure(line: entryLine, message: "unbalanced braces: the value never closes")
    }

    private mutating func skipBalanced(from start: Int, close: UInt8) throws(Failure) {
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if byte == 0x7B || byte == 0x28 && close == 0x29 { depth += 1 }
            if byte == close || (close == 0x7D && byte == 0x7D) {
                if depth == 0 {
                    index += 1
                    return
                }
                depth -= 1
            }
            index += 1
        }
        throw Failure(line: start, message: "@comment or @preamble is not closed")
    }

    private mutating func readIdentifier() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let allowed = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x3A || byte == 0x2E || byte == 0x2B || byte == 0x2F
            if !allowed { break }
            index += 1
        }
        return text(start..<index)
    }

    /// Bytes as a String, decoded straight from the buffer.
    private func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    private mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
