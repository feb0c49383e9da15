import Foundation

/// The queries typed into the search prompt, oldest first, one per line
/// in `search-history` under the state folder; repeats move to the end.
public struct SearchHistory: Equatable, Sendable {
    public static let fileName = "search-history"
    public static let limit = 500

    public private(set) var entries: [String]

    public init(entries: [String] = []) {
        self.entries = Array(entries.suffix(Self.limit))
    }

    /// Adds a query as the newest entry (moving it if it was there).
    public mutating func record(_ query: String) {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains("\n") else { return }
        entries.removeAll { $0 == trimmed }
        entries.append(trimmed)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }

    /// The history in a folder; a missing file is an empty history.
    public static func load(folder: String) -> SearchHistory {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return SearchHistory() }
        let text = String(decoding: data, as: UTF8.self)
        return SearchHistory(entries: text.split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }

    public func save(folder: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(Data(entries.map { $0 + "\n" }.joined().utf8), to: folder + "/" + Self.fileName)
    }
}
