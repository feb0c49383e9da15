/// Where the reader left each document (a byte offset), kept in the
/// library database; documents are named by their path, or `record:ID`
/// for a record's text.
public struct ReadingPositions: Equatable, Sendable {
    public private(set) var offsets: [String: Int]

    public init(offsets: [String: Int] = [:]) {
        self.offsets = offsets
    }

    public subscript(document: String) -> Int? {
        get { offsets[document] }
        set { offsets[document] = newValue }
    }
}
