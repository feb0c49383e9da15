import Foundation
import OstromCore
import Synchronization

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
/// it is (`result`). A sort given up (another asked for, or `Esc`) runs to
/// its end unseen.
final class SortInBackground: Sendable {
    let sort: RecordSort
    let from: [Int]
    private let sorted = Mutex<SortedListing?>(nil)

    init(_ sort: RecordSort, _ from: [Int], records: [Record], added: [String: String]) {
        self.sort = sort
        self.from = from
        Thread.detachNewThread { [self] in
            let listing = SortedListing(sort, from, records: records, added: added)
            sorted.withLock { $0 = listing }
        }
    }

    /// The sorted listing, once it is.
    var result: SortedListing? { sorted.withLock { $0 } }
}
