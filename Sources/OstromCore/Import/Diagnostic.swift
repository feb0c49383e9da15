/// A problem with an input, located by file and line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case warning, error
    }

    public var path: String
    /// 1-based; `nil` when the problem concerns the whole file.
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int?, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// The warning that a document became a plain note (no importer knew it).
    public var isPlainNoteWarning: Bool { message == PlainNoteImporter.warning }

    /// "path:line: warning: message", as compilers print it.
    public var description: String {
        let shown = RawPath.display(path)
        let location = line.map { "\(shown):\($0)" } ?? shown
        return "\(location): \(severity.rawValue): \(message)"
    }
}
