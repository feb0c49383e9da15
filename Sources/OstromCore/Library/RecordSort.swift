/// An order for records: by year (oldest first), first author, title
/// (A to Z), the day added to the library (earliest first) or citations
/// (fewest first); `-` before the key reverses it (`-year`: newest first).
/// Records without the key come last either way; ties keep their order.
public struct RecordSort: Equatable, Sendable {
    public enum Key: String, CaseIterable, Sendable {
        case year, author, title, added, citations
    }

    public var key: Key
    public var descending: Bool

    public init(key: Key, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }

    /// `year`, `-year`, `author`…; nil for anything else.
    public init?(_ text: String) {
        let descending = text.hasPrefix("-")
        guard let key = Key(rawValue: String(text.dropFirst(descending ? 1 : 0)).lowercased()) else { return nil }
        self.init(key: key, descending: descending)
    }

    public var name: String { (descending ? "-" : "") + key.rawValue }

    /// In words, as the status row shows it.
    public var label: String {
        switch key {
        case .year: return descending ? "newest first" : "oldest first"
        case .author: return descending ? "author Z–A" : "author A–Z"
        case .title: return descending ? "title Z–A" : "title A–Z"
        case .added: return descending ? "added, newest first" : "added, oldest first"
        case .citations: return descending ? "most cited first" : "least cited first"
        }
    }

    /// The orders `S` steps through in the browser, after the library's
    /// own order (or a search's ranking).
    public static let cycle: [RecordSort] = [
        RecordSort(key: .year, descending: true), RecordSort(key: .year), RecordSort(key: .author), RecordSort(key: .title),
        RecordSort(key: .added, descending: true), RecordSort(key: .citations, descending: true),
    ]

    /// Every name `init` reads, for help and errors.
    public static var names: [String] { Key.allCases.flatMap { [$0.rawValue, "-" + $0.rawValue] } }

    /// The positions of `records` in this order; `added` gives the day a
    /// record came into the library (`YYYY-MM-DD`), by id.
    public func order(_ records: [Record], added: [String: String] = [:]) -> [Int] {
        let keys: [SortValue?] = records.map { record in
            switch key {
            case .year: return record.date.map { .number($0.year * 10_000 + ($0.month ?? 0) * 100 + ($0.day ?? 0)) }
            case .author: return record.people.first.map { .text(ASCIIFolding.fold($0.sortName)) }
            case .title: return record.title.isEmpty ? nil : .text(ASCIIFolding.fold(record.title))
            case .added: return added[record.id].map(SortValue.text)
            case .citations: return record.citations.map(SortValue.number)
            }
        }
        let descending = self.descending
        return records.indices.sorted { left, right in
            switch (keys[left], keys[right]) {
            case (nil, nil): return left < right
            case (nil, _): return false
            case (_, nil): return true
            case let (a?, b?):
                if a == b { return left < right }
                return descending ? b < a : a < b
            }
        }
    }

    private enum SortValue: Comparable {
        case number(Int)
        case text(String)
    }
}
