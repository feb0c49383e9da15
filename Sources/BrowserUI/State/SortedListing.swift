import Foundation
import OstromCore

/// A tab's listing in the order the user chose, and the listing it sorts.
struct SortedListing: Sendable {
    let sort: RecordSort
    let from: [Int]
    let listing: [Int]

    /// Listings this long are sorted on another thread: sorting 100 000
    /// records by author takes some 400 ms, a million several seconds.
    static let backgroundThreshold = 20_000

    init(_ sort: RecordSort, _ from: [Int], records: [Record], added: [String: String]) {
        self.sort = sort
        self.from = from
        listing = sort.order(from.map { records[$0] }, added: added).map { from[$0] }
    }
}

/// A long listing being sorted on another thread; the tick takes it once
/// it is (`result`). Sorts run one at a time, in the order asked for: one
/// given up (another asked for, or `Esc`) before its turn never runs, so
/// that a search typed letter by letter on a sorted tab of a large library
/// sorts the hits it ends with, not those of every letter; one given up
/// while it runs ends unseen.
final class SortInBackground: Sendable {
    let sort: RecordSort
    let from: [Int]
    /// Where the sorts wait their turn.
    static let queue = DispatchQueue(label: "ostrom.sort")
    private let work: QueuedWork<SortedListing>

    init(_ sort: RecordSort, _ from: [Int], records: [Record], added: [String: String]) {
        self.sort = sort
        self.from = from
        work = QueuedWork(on: Self.queue) { SortedListing(sort, from, records: records, added: added) }
    }

    /// The sorted listing, once it is.
    var result: SortedListing? { work.value }

    /// Whether it has run, or been passed over.
    var hasEnded: Bool { work.hasEnded }

    func giveUp() {
        work.giveUp()
    }
}
