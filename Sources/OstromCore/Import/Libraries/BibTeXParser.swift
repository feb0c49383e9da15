/// Reads BibTeX on bytes: entries with their fields (values kept as
/// written, braces and all, after `#` concatenation and `@string` and
/// month macros are resolved), `@string`, `@comment` and `@preamble`. A
/// malformed entry is reported with its line and skipped; parsing goes on
/// at the next `@` that starts a line. A block that never closes is
/// reported and parsing goes back to the first line after its start that
/// starts an entry, so that one missing brace loses one entry, not the
/// rest of the file (bibtexparser's recovery).
///
/// A value that is one braced, quoted or bare part stays a range of the
/// bytes: its String is made later, by whoever needs it, so that a large
/// file's strings can be made on all cores.
struct BibTeXParser {
    struct Entry: Sendable {
        var type: String
        var key: String
        var fields: [(name: String, value: Value)]
        var line: Int
        /// Where the entry is in the file, from its key to its closing brace
        /// (its values are there, but for the `@string` macros it uses).
        var bytes: Range<Int>
        /// The key of the entry this one inherits from (its first `crossref`).
        var crossref: String?
        /// The keys of the `@xdata` entries whose fields it takes (biblatex).
        var xdata: [String] = []
    }

    /// A field's value: bytes of the file, or text put together from
    /// several parts or macros.
    enum Value: Sendable {
        case bytes(Range<Int>)
        case text(String)

        /// Its length in bytes.
        var byteCount: Int {
            switch self {
            case .bytes(let range): range.count
            case .text(let text): text.utf8.count
            }
        }

        /// The value as written (braces and LaTeX kept).
        func string(in bytes: UnsafeBufferPointer<UInt8>) -> String {
            switch self {
            case .bytes(let range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            case .text(let text): text
            }
        }

        /// The value as shown: LaTeX decoded, white space collapsed.
        func plainText(in bytes: UnsafeBufferPointer<UInt8>) -> String {
            withBytes(in: bytes, LaTeXText.plainText)
        }

        /// Calls `body` with the value's bytes.
        func withBytes<Result>(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch self {
            case .bytes(let range): return body(UnsafeBufferPointer(rebasing: bytes[range]))
            case .text(var text): return text.withUTF8(body)
            }
        }
    }

    /// How deep braces may nest in a value before the entry is refused.
    static let maximumDepth = 64

    /// How long a value joined from parts may grow (`@string{s2 = s1 # s1}`
    /// repeated doubles it each line) before the entry is refused.
    static let maximumJoinedValue = 16 << 20

    static let monthMacros: [String: Value] = [
        "jan": .text("1"), "feb": .text("2"), "mar": .text("3"), "apr": .text("4"), "may": .text("5"), "jun": .text("6"),
        "jul": .text("7"), "aug": .text("8"), "sep": .text("9"), "oct": .text("10"), "nov": .text("11"), "dec": .text("12"),
    ]

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var macros: [String: Value] = monthMacros
    /// The macros known before the file, and each `@string` of the file
    /// with where it is: an entry read again (`fieldsReadAgain`) is read
    /// with the macros of its place.
    private var startingMacros: [String: Value] = [:]
    private var macroDefinitions: [(at: Int, name: String, value: Value)] = []
    /// The entries read, but those a `parse(handingOver:)` receiver took.
    private(set) var entries: [Entry] = []
    /// Entries that could not be read (each is skipped).
    private(set) var problems: [(line: Int, message: String)] = []
    /// What was read with a guess (the entry is kept).
    private(set) var warnings: [(line: Int, message: String)] = []
    /// Where the values of every `@string` this file defines are, in order
    /// (an entry's value may be one of them, wherever it is).
    private(set) var macroBytes: [Range<Int>] = []

    /// A parser of the bytes, which must outlive it and its entries' use;
    /// `macros` were defined by the files loaded before this one.
    init(bytes: UnsafeBufferPointer<UInt8>, macros: [String: String] = [:]) {
        self.bytes = bytes
        for (name, value) in macros { self.macros[name] = .text(value) }
        startingMacros = self.macros
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The fields of the entry whose key starts at `start` (its
    /// `Entry.bytes`), read again as they were read there: with the
    /// macros defined before it. Nil if they cannot be read.
    func fieldsReadAgain(ofEntryAt start: Int, line: Int) -> [(name: String, value: Value)]? {
        guard start > 0, start <= bytes.count else { return nil }
        var again = BibTeXParser(bytes: bytes)
        again.macros = startingMacros
        for definition in macroDefinitions where definition.at < start { again.macros[definition.name] = definition.value }
        (again.index, again.line) = (start, line)
        guard (try? again.readEntry(type: "", close: bytes[start - 1] == 0x28 ? 0x29 : 0x7D, start: line)) != nil else { return nil }
        return again.entries.last?.fields
    }

    /// The `@string` macros known at the end of the file (the month names
    /// left out), for the files loaded after it.
    var definedMacros: [String: String] {
        var defined: [String: String] = [:]
        for (name, value) in macros where Self.monthMacros[name] == nil { defined[name] = value.string(in: bytes) }
        return defined
    }

    private struct Failure: Error {
        var line: Int
        var message: String
    }

    /// Reads the whole file. `handOver` is given the entries read, `batch`
    /// at a time as they are (an entry once read stays as it is), and the
    /// last ones at the end: another thread may make their records while
    /// the rest is read. It says how many of the first it took: those are
    /// let go of (a million entries' fields took 600 MB), `entries` keeps
    /// the rest.
    mutating func parse(handingOver batch: Int = .max, _ handOver: (ArraySlice<Entry>) -> Int = { _ in 0 }) {
        var handed = 0
        func handOverTheLatest() {
            let taken = handOver(entries[handed...])
            entries.removeSubrange(handed..<handed + taken)
            handed = entries.count
        }
        defer { if handed < entries.count { handOverTheLatest() } }
        while let at = nextAt() {
            index = at + 1
            let startLine = line
            do {
                try readItem()
                if entries.count - handed >= batch { handOverTheLatest() }
            } catch {
                problems.append((error.line, error.message))
                // A block that ran to the end of the file swallowed what follows it: read that again.
                if index >= bytes.count {
                    index = at + 1
                    line = startLine
                }
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

    /// The next `@` outside an entry (text between entries is a comment,
    /// and so is a line that starts with `%`: `%@book{…` is commented out).
    private mutating func nextAt() -> Int? {
        var commentLine = false
        var lineStart = true
        while index < bytes.count {
            switch bytes[index] {
            case 0x40 where !commentLine: return index
            case 0x0A:
                line += 1
                commentLine = false
                lineStart = true
            case 0x25 where lineStart: commentLine = true
            case 0x20, 0x09, 0x0D: break
            default: lineStart = false
            }
            index += 1
        }
        return nil
    }

    /// Whether an `@word{` starts at `position` (after spaces).
    private static func isItemStart(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        var index = position
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        return index < bytes.count && bytes[index] == 0x40
    }

    private mutating func readItem() throws(Failure) {
        let start = line
        // Read first, then lowercased: `lowercasedText(readIdentifier())` copied the whole parser for
        // the call before reading (every field of a million entries: 1.1 s of retains on the parse's thread).
        let typeRange = readIdentifier()
        let type = lowercasedText(typeRange)
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
            let nameRange = readIdentifier()
            let name = lowercasedText(nameRange)
            skipSpace()
            guard !name.isEmpty, index < bytes.count, bytes[index] == 0x3D else {
                throw Failure(line: start, message: "@string needs “name = value”")
            }
            index += 1
            let value = try readValue(entryLine: start, context: "@string \(name)")
            macros[name] = value
            macroDefinitions.append((index, name, value))
            if case .bytes(let range) = value { macroBytes.append(range) }
            skipSpace()
            guard index < bytes.count, bytes[index] == close else { throw Failure(line: start, message: "@string is not closed") }
            index += 1
        default:
            try readEntry(type: type, close: close, start: start)
        }
    }

    /// An entry; its key may be empty (the importer makes an id for it).
    private mutating func readEntry(type: String, close: UInt8, start: Int) throws(Failure) {
        let first = index
        skipSpace()
        let keyStart = index
        while index < bytes.count, bytes[index] != 0x2C, bytes[index] != close, !WhiteSpace.isASCIISpace(bytes[index]) { index += 1 }
        let key = text(keyStart..<index)
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x2C || bytes[index] == close else {
            throw Failure(line: start, message: "@\(type)\(key.isEmpty ? "" : " " + key): a “,” is missing after the citation key")
        }
        let name = key.isEmpty ? "@\(type) at line \(start)" : key
        var fields: [(name: String, value: Value)] = []
        fields.reserveCapacity(16)
        while true {
            skipSpace()
            guard index < bytes.count else { throw Failure(line: start, message: "entry \(name) is not closed (a “}” is missing)") }
            if bytes[index] == close {
                index += 1
                break
            }
            if bytes[index] == 0x2C {
                index += 1
                continue
            }
            // A `%` line between fields is a comment (biber and bibtexparser read it so).
            if bytes[index] == 0x25 {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                continue
            }
            let fieldLine = line
            let fieldRange = readIdentifier()
            let field = lowercasedText(fieldRange)
            skipSpace()
            guard !field.isEmpty, index < bytes.count, bytes[index] == 0x3D else {
                throw Failure(line: fieldLine, message: "entry \(name): expected “field = value”")
            }
            index += 1
            do {
                fields.append((field, try readValue(entryLine: fieldLine, context: "entry \(name), field \(field)")))
            } catch {
                throw Failure(line: error.line, message: "entry \(name), field \(field): \(error.message)")
            }
        }
        let crossref = fields.first { $0.name == "crossref" }.map { $0.value.string(in: bytes) }
        let xdata = fields.first { $0.name == "xdata" }.map {
            $0.value.string(in: bytes).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        } ?? []
        entries.append(Entry(type: type, key: key, fields: fields, line: start, bytes: first..<index, crossref: crossref, xdata: xdata))
    }

    /// A value: parts joined by `#`, each braced, quoted, a number or a
    /// macro. An undefined macro stands for its own name, with a warning
    /// that names `context` (made only then: every field reads a value).
    private mutating func readValue(entryLine: Int, context: @autoclosure () -> String) throws(Failure) -> Value {
        // Most values are one part: an array is filled only when `#` joins more.
        var earlier: [Value] = []
        var joined = 0
        while true {
            skipSpace()
            guard index < bytes.count else { throw Failure(line: entryLine, message: "a value is cut off at the end of the file") }
            let part: Value
            switch bytes[index] {
            case 0x7B, 0x22:
                let end: UInt8 = bytes[index] == 0x7B ? 0x7D : 0x22
                index += 1
                part = .bytes(try readDelimited(until: end, line: entryLine))
            default:
                let word = readIdentifier()
                guard !word.isEmpty else { throw Failure(line: line, message: "a value is missing") }
                if bytes[word].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    part = .bytes(word)
                } else if let expansion = macros[lowercasedText(word)] {
                    part = expansion
                } else {
                    warnings.append((line, "\(context()): undefined @string macro “\(text(word))”; its name is kept as the value"))
                    part = .text(text(word))
                }
            }
            skipSpace()
            joined += part.byteCount
            // One part alone may be as long as the file holds it; only joining grows it.
            guard earlier.isEmpty || joined <= Self.maximumJoinedValue else {
                throw Failure(line: entryLine, message: "a value joined with # grows past \(Self.maximumJoinedValue >> 20) MB (@string macros that double?)")
            }
            guard index < bytes.count, bytes[index] == 0x23 else {
                return earlier.isEmpty ? part : .text((earlier + [part]).map { $0.string(in: bytes) }.joined())
            }
            earlier.append(part)
            index += 1
        }
    }

    /// The bytes up to the closing delimiter at brace depth 0; inner
    /// braces are kept (they protect case, or hold accents). Only the
    /// bytes that matter are looked at, found sixteen at a time.
    private mutating func readDelimited(until end: UInt8, line entryLine: Int) throws(Failure) -> Range<Int> {
        let start = index
        var position = index
        var lines = 0
        defer {
            index = position
            line += lines
        }
        var depth = 0
        while true {
            position = ByteScan.firstIndex(of: 0x5C, 0x0A, 0x7B, 0x7D, end, in: bytes, from: position)
            guard position < bytes.count else { break }
            switch bytes[position] {
            case 0x5C:
                // An escaped character is skipped, unless it ends a line.
                position += position + 1 < bytes.count && bytes[position + 1] != 0x0A ? 2 : 1
                continue
            case 0x0A:
                lines += 1
                if position + 1 < bytes.count && bytes[position + 1] == 0x40 && (depth == 0 || Self.startsAnEntry(bytes, at: position + 1)) {
                    position += 1
                    throw Failure(line: entryLine, message: depth == 0 ? "a value is not closed before the next entry"
                        : "a “{” is not closed before the next entry")
                }
            case 0x7B:
                depth += 1
                if depth > Self.maximumDepth { throw Failure(line: entryLine, message: "braces nest deeper than \(Self.maximumDepth)") }
            case 0x7D where depth > 0:
                depth -= 1
            case 0x7D where end == 0x22:
                throw Failure(line: entryLine, message: "a “}” closes nothing")
            default:
                // The closing delimiter: `}` at depth 0, or `"` outside braces.
                if depth == 0 {
                    position += 1
                    return start..<(position - 1)
                }
            }
            position += 1
        }
        throw Failure(line: entryLine, message: "unbalanced braces: the value never closes")
    }

    /// Whether `@word{` or `@word(` (an entry type and its brace) starts at `position`.
    private static func startsAnEntry(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        var index = position + 1
        while index < bytes.count, bytes[index] | 0x20 >= 0x61, bytes[index] | 0x20 <= 0x7A { index += 1 }
        return index > position + 1 && index < bytes.count && (bytes[index] == 0x7B || bytes[index] == 0x28)
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

    private mutating func readIdentifier() -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let allowed = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x3A || byte == 0x2E || byte == 0x2B || byte == 0x2F
            if !allowed { break }
            index += 1
        }
        return start..<index
    }

    /// Bytes as a String, decoded straight from the buffer.
    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// An identifier in lower case (most are already).
    private func lowercasedText(_ range: Range<Int>) -> String {
        let text = text(range)
        return bytes[range].contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? text.lowercased() : text
    }

    private mutating func skipSpace() {
        while index < bytes.count, WhiteSpace.isASCIISpace(bytes[index]) {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
    }
}
