import Foundation
import OstromCore

/// A query of the search prompt searched on another thread, in a library
/// of many records (a million records' first keystrokes take up to 200
/// ms, and `tag:` alone reads every record's annotation), or a kept
/// search's hits ranked far ahead (`G`): every key is answered meanwhile,
/// and the hits are listed as soon as they are (`AppState.takeSearchHits`).
/// They run one at a time; one given up (another key, `Esc`) before its
/// turn never runs, one given up while it runs ends unseen.
final class SearchInBackground: Sendable {
    /// The index's results (none for state words alone, `tag:care`) and
    /// the tab's hits among them.
    struct Outcome: Sendable {
        let results: SearchResults?
        let hits: [Int]
        /// State words alone: the records the hits were admitted among.
        var admittedAmong = 0
    }

    /// Libraries of this many records or more are searched on another
    /// thread (at 100 000 a keystroke took some 2 ms on the main loop).
    static let threshold = 100_000
    /// Where the searches wait their turn.
    static let queue = DispatchQueue(label: "ostrom.search")

    let tab: Tab
    let query: String
    let state: StateFilter
    /// The same hits, more of them ranked (`G` far past the ranked ones).
    let ranksMore: Bool
    private let work: QueuedWork<Outcome>

    init(tab: Tab, query: String, state: StateFilter, ranksMore: Bool = false, search: @escaping @Sendable () -> Outcome) {
        self.tab = tab
        self.query = query
        self.state = state
        self.ranksMore = ranksMore
        work = QueuedWork(on: Self.queue, search)
    }

    /// The hits, once they are.
    var outcome: Outcome? { work.value }

    func giveUp() {
        work.giveUp()
    }
}
