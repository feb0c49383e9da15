import Foundation

/// Where the reader left each document (a byte offset), kept in
/// `reading-positions.json` under the state folder; documents are named
/// by their path, or `record:ID` for a record's text.
public struct ReadingPositions: Equatable, Sendable {
    public static let fileName = "reading-positions.json"

    public private(set) var offsets: [String: Int]

    public init(offsets: [String: Int] = [:]) {
        self.offsets = offsets
    }

    public subscript(document: String) -> Int? {
        get { offsets[document] }
        set { offsets[document] = newValue }
    }

    /// The positions in a folder; a missing or unreadable file is empty.
    public static func load(folder: String) -> ReadingPositions {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int] else { return ReadingPositions() }
        return ReadingPositions(offsets: object)
    }

    /// Saves, merged over what another running instance may have saved.
    public func save(folder: String) throws(AtomicFile.WriteError) {
        var merged = Self.load(folder: folder).offsets
        merged.merge(offsets) { _, mine in mine }
        let object = JSONValue.object(merged.keys.sorted().map { ($0, JSONValue.integer(merged[$0] ?? 0)) })
        try AtomicFile.write(Data((object.serialized() + "\n").utf8), to: folder + "/" + Self.fileName)
    }
}
