import Foundation

/// A text file to import: its path (for messages) and its lines.
public struct SourceDocument: Sendable {
    public let path: String
    public let text: String
    /// Lines without their terminators (LF, CRLF or CR).
    public let lines: [String]
    /// Problems found while decoding, e.g. invalid UTF-8.
    public let decodingDiagnostics: [Diagnostic]

    public init(path: String, text: String) {
        self.init(path: path, text: text, decodingDiagnostics: [])
    }

    init(path: String, text: String, decodingDiagnostics: [Diagnostic]) {
        self.path = path
        self.text = text
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        self.decodingDiagnostics = decodingDiagnostics
    }

    /// Decodes bytes as UTF-8 (a BOM is dropped); invalid sequences become
    /// U+FFFD and a warning names the first line that holds one.
    public init(path: String, bytes: Data) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        var diagnostics: [Diagnostic] = []
        if String(validating: bytes, as: UTF8.self) == nil {
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

extension StringProtocol {
    /// The text without leading and trailing white space (incl. NBSP).
    var trimmed: String {
        String(self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs of white space collapsed to one space, trimmed.
    var whitespaceNormalised: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
