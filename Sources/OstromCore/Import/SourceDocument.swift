import Foundation

/// A text file to import: its path (for messages) and its lines.
public struct SourceDocument: Sendable {
    public let path: String
    public let text: String
    private let storage: LineStorage
    /// Lines without their terminators (LF, CRLF or CR), split on first
    /// use: a 200 MB BibTeX file is parsed on bytes and never needs them.
    public var lines: [String] { storage.lines(of: text) }
    /// Problems found while decoding, e.g. invalid UTF-8.
    public let decodingDiagnostics: [Diagnostic]

    public init(path: String, text: String) {
        self.init(path: path, text: text, decodingDiagnostics: [])
    }

    init(path: String, text: String, decodingDiagnostics: [Diagnostic]) {
        self.path = path
        self.text = text
        storage = LineStorage()
        self.decodingDiagnostics = decodingDiagnostics
    }

    /// Decodes bytes as UTF-8 (a BOM is dropped); invalid sequences become
    /// U+FFFD and a warning names the first line that holds one.
    public init(path: String, bytes: Data) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var diagnostics: [Diagnostic] = []
        // memchr: a byte-by-byte scan of Data costs a second on 200 MB.
        let nul = bytes.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { memchr($0, 0, raw.count) }.map { $0 - UnsafeMutableRawPointer(mutating: raw.baseAddress!) }
        }
        if let offset = nul {
            let first = bytes.startIndex + offset
            // A stray NUL (a text file that is not binary): U+FFFD, as for invalid UTF-8.
            let line = bytes[bytes.startIndex..<first].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let count = bytes.reduce(0) { $1 == 0 ? $0 + 1 : $0 }
            diagnostics.append(Diagnostic(path: path, line: line, severity: .warning,
                                          message: "\(count == 1 ? "a NUL byte" : "\(count) NUL bytes") replaced by U+FFFD"))
            var cleaned = Data(capacity: bytes.count + count * 2)
            for byte in bytes {
                if byte == 0 { cleaned.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { cleaned.append(byte) }
            }
            bytes = cleaned
        }
        // Validating is one fast pass over the buffer; repairing is needed only when that fails.
        let valid = bytes.withUnsafeBytes { String(validating: $0.assumingMemoryBound(to: UInt8.self), as: UTF8.self) }
        let text = valid ?? String(decoding: bytes, as: UTF8.self)
        if valid == nil {
            let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .firstIndex(where: { $0.contains("\u{FFFD}") }).map { $0 + 1 } ?? 1
            diagnostics.append(Diagnostic(path: path, line: line, severity: .warning,
                                          message: "invalid UTF-8 replaced by U+FFFD"))
        }
        self.init(path: path, text: text, decodingDiagnostics: diagnostics)
    }

    /// The indices of the lines that hold something other than white space.
    var contentLineIndices: [Int] {
        lines.indices.filter { !lines[$0].trimmed.isEmpty }
    }
}

/// The lines of a document, split once, when first asked for.
private final class LineStorage: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: [String]?

    func lines(of text: String) -> [String] {
        lock.withLock {
            if let cached { return cached }
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            cached = lines
            return lines
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (incl. NBSP).
    var trimmed: String {
        // Most text has nothing to trim: look at its ends first.
        let string = String(self)
        let bytes = string.utf8
        // ASCII white space is trimmed here; Foundation is asked only when
        // an end is non-ASCII (it may be a no-break space).
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] <= 0x20 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] <= 0x20 { end = bytes.index(before: end) }
        if start < end && (bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80) {
            return string.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return start == bytes.startIndex && end == bytes.endIndex ? string : String(string[start..<end])
    }

    /// Runs of white space collapsed to one space, trimmed.
    var whitespaceNormalised: String {
        var string = String(self)
        // Most fields need nothing done: check the bytes first, in place.
        if string.withUTF8(WhiteSpace.isNormalised) { return string }
        return string.withUTF8(WhiteSpace.normalised)
    }
}
