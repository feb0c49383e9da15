import Foundation

/// A text file to import: its path (for messages), its bytes and its
/// text. A file read from disk keeps its bytes and is decoded into a
/// String only when an importer asks for the text or the lines: a 200 MB
/// BibTeX library is parsed on the bytes and never needs either.
public struct SourceDocument: Sendable {
    public let path: String
    private let content: Content
    /// The text, decoded on first use; invalid UTF-8 shows as U+FFFD.
    public var text: String { content.text }
    /// Lines without their terminators (LF, CRLF or CR), split on first use.
    public var lines: [String] { content.lines }
    /// Problems found while decoding, e.g. invalid UTF-8.
    public let decodingDiagnostics: [Diagnostic]
    /// The bytes are this document's alone and read once, by the importer
    /// that recognises it, which may give their memory back as it goes (a
    /// file read for a library; never a built-in or shared buffer).
    public let isReadOnce: Bool

    public init(path: String, text: String) {
        self.path = path
        content = Content(text: text)
        decodingDiagnostics = []
        isReadOnce = false
    }

    /// UTF-8 bytes (a BOM is dropped). NUL bytes and invalid sequences
    /// become U+FFFD, and a warning names the first line that holds one.
    public init(path: String, bytes: Data, readOnce: Bool = false) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var diagnostics: [Diagnostic] = []
        // Both found in one walk over the bytes as read (a NUL made U+FFFD
        // makes no sequence well-formed or ill-formed, nor a line).
        let flaws = bytes.withUnsafeBytes { UTF8Validation.flaws(in: $0.assumingMemoryBound(to: UInt8.self)) }
        func line(_ offset: Int) -> Int { bytes[bytes.startIndex..<bytes.startIndex + offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
        let invalidLine = flaws.invalid.map(line)
        if let offset = flaws.nul {
            // A stray NUL (a text file that is not binary): U+FFFD, as for invalid UTF-8.
            let count = bytes.reduce(0) { $1 == 0 ? $0 + 1 : $0 }
            diagnostics.append(Diagnostic(path: path, line: line(offset), severity: .warning,
                                          message: "\(count == 1 ? "a NUL byte" : "\(count) NUL bytes") replaced by U+FFFD"))
            var cleaned = Data(capacity: bytes.count + count * 2)
            for byte in bytes {
                if byte == 0 { cleaned.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { cleaned.append(byte) }
            }
            bytes = cleaned
        }
        if let invalidLine {
            diagnostics.append(Diagnostic(path: path, line: invalidLine, severity: .warning, message: "invalid UTF-8 replaced by U+FFFD"))
        }
        self.path = path
        content = Content(bytes: bytes)
        decodingDiagnostics = diagnostics
        isReadOnce = readOnce
    }

    /// Calls `body` with the document's UTF-8 bytes, without decoding a
    /// file into a String for it. Invalid sequences are still there:
    /// decode what you take with `String(decoding:as:)`.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try content.withUTF8(body)
    }

    /// Whether another program cut the file short while it was read (a
    /// large file is mapped: `RawPath.contents`); what stood past its new
    /// end read as zeros.
    public var wasCutShort: Bool { content.wasCutShort }

    /// Calls `body` with each line (as `lines` has them), in order,
    /// without keeping them all: a large file's are many.
    func forEachLine(_ body: (String) -> Void) {
        content.forEachLine(body)
    }

    /// Whether the bytes are a file's mapped (`RawPath.contents`): a page
    /// given back to the system is the file's again when read.
    var isMapped: Bool { content.isMapped }

    /// The indices of the lines that hold something other than white space.
    var contentLineIndices: [Int] {
        lines.indices.filter { !lines[$0].trimmed.isEmpty }
    }
}

/// A document's bytes or text, and what is made from them on first use.
private final class Content: @unchecked Sendable {
    private let lock = NSLock()
    private let bytes: Data?
    private var cachedText: String?
    private var cachedLines: [String]?

    init(text: String) {
        bytes = nil
        cachedText = text
    }

    init(bytes: Data) {
        self.bytes = bytes
    }

    var text: String {
        lock.withLock { textLocked() }
    }

    var lines: [String] {
        lock.withLock {
            if let cachedLines { return cachedLines }
            let lines = bytes.map(Self.lines(ofUTF8:))
                ?? textLocked().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            cachedLines = lines
            return lines
        }
    }

    /// Calls `body` with each line in order, without keeping them (lines
    /// asked for before are taken from `lines`).
    func forEachLine(_ body: (String) -> Void) {
        if let bytes, lock.withLock({ cachedLines == nil }) {
            bytes.withUnsafeBytes { Self.forEachLine(ofUTF8: $0.assumingMemoryBound(to: UInt8.self), body) }
        } else {
            lines.forEach(body)
        }
    }

    /// The lines of UTF-8 bytes, split where `Character.isNewline` splits
    /// their text (LF, CR, CRLF, VT, FF, NEL, LS, PS), but on the bytes,
    /// each line decoded on its own: 100 000 RIS records (204 MB) took 6 s
    /// to split as a String, and held the whole text besides. (No byte of a
    /// terminator continues a sequence begun before it: the lines are those
    /// of the text decoded whole.)
    static func lines(ofUTF8 data: Data) -> [String] {
        var lines: [String] = []
        data.withUnsafeBytes { forEachLine(ofUTF8: $0.assumingMemoryBound(to: UInt8.self)) { lines.append($0) } }
        return lines
    }

    private static func forEachLine(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var (start, index) = (0, 0)
        while true {
            // Sixteen bytes at a time to the next that may start a terminator (a byte at a
            // time, this walk was a twelfth of reading 100 000 RIS records).
            index = ByteScan.firstIndex(TerminatorStart.self, in: bytes, from: index)
            guard index < bytes.count else { break }
            let terminator = switch bytes[index] {
            case 0x0A, 0x0B, 0x0C: 1
            case 0x0D: index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0xC2: index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
            case 0xE2: index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
            default: 0
            }
            guard terminator > 0 else {
                index += 1
                continue
            }
            body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            index += terminator
            start = index
        }
        body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
    }

    /// The bytes a line's terminator may start with: LF, VT, FF, CR, and the
    /// first of NEL's (C2 85) and of LS's and PS's (E2 80 A8, E2 80 A9).
    private enum TerminatorStart: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            (chunk &- ByteScan.Chunk(repeating: 0x0A)) .< ByteScan.Chunk(repeating: 4)
                .| (chunk .== ByteScan.Chunk(repeating: 0xC2)) .| (chunk .== ByteScan.Chunk(repeating: 0xE2))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            let byte = bytes[index]
            return byte &- 0x0A < 4 || byte == 0xC2 || byte == 0xE2
        }
    }

    var wasCutShort: Bool { bytes.map(RawPath.wasCutShort) ?? false }
    var isMapped: Bool { bytes.map(RawPath.isMapped) ?? false }

    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let bytes {
            return try bytes.withUnsafeBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
        }
        var text = text
        return try text.withUTF8(body)
    }

    private func textLocked() -> String {
        if let cachedText { return cachedText }
        let text = bytes?.withUnsafeBytes { String(decoding: $0.assumingMemoryBound(to: UInt8.self), as: UTF8.self) } ?? ""
        cachedText = text
        return text
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (incl. NBSP), on
    /// its bytes (`WhiteSpace.trimmed`); most text has nothing to trim.
    var trimmed: String {
        var string = String(self)
        let (kept, count) = string.withUTF8 { (WhiteSpace.trimmed($0, 0..<$0.count), $0.count) }
        if kept == 0..<count { return string }
        return string.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[kept]), as: UTF8.self) }
    }

    /// Runs of white space collapsed to one space, trimmed.
    var whitespaceNormalised: String {
        var string = String(self)
        // Most fields need nothing done: check the bytes first, in place.
        if string.withUTF8(WhiteSpace.isNormalised) { return string }
        return string.withUTF8(WhiteSpace.normalised)
    }
}
