import Foundation

/// The queries typed into the search prompt, oldest first, kept in the
/// library database; repeats move to the end.
public struct SearchHistory: Equatable, Sendable {
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
}
