/// A file a reference manager linked to a record (a PDF, mostly): its path
/// (absolute, or relative to the folder ostrom was started in), and the
/// description and type the manager gave it.
public struct RecordAttachment: Hashable, Sendable {
    public var path: String
    public var description: String?
    public var type: String?

    public init(path: String, description: String? = nil, type: String? = nil) {
        self.path = path
        self.description = description
        self.type = type
    }

    /// Whether it is a PDF, by its type or its name.
    public var isPDF: Bool {
        type.map { $0.lowercased().hasSuffix("pdf") } ?? false || path.lowercased().hasSuffix(".pdf")
    }

    /// The file's name, as the detail pane shows it.
    public var fileName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
