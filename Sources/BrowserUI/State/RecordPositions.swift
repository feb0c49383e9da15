import Foundation
import OstromCore
import Synchronization

/// Each record's position by its id (the first, when two share one),
/// made the first time it is needed and extended to records appended
/// since: a record keeps its id and position while ostrom runs (an edit
/// replaces it in place; a removal only hides it). Many records are
/// indexed on another thread (a million take over a second), the answers
/// meanwhile from those known so far. Shared by copies of the browser's
/// state, so it is a locked class.
final class RecordPositions: Sendable {
    private struct Known {
        var byID: [String: Int] = [:]
        /// The records indexed: the first `through`.
        var through = 0
        var building = false
        /// A build ended and no one was told yet (`takeBuilt`).
        var built = false
    }

    private let known = Mutex(Known())
    /// Fewer records than this are indexed at once (some 20 ms).
    static let backgroundThreshold = 20_000

    /// The positions of those of `ids` that name a record of `records`
    /// (none asked for, none made), and whether every record was indexed.
    func positions(of ids: some Collection<String>, in records: [Record]) -> (found: [String: Int], complete: Bool) {
        guard !ids.isEmpty else { return ([:], true) }
        let (byID, through, build) = known.withLock { known in
            if !known.building && known.through < records.count && records.count - known.through < Self.backgroundThreshold {
                Self.index(records, from: known.through, into: &known.byID)
                known.through = records.count
            }
            let build = !known.building && known.through < records.count
            if build { known.building = true }
            return (known.byID, known.through, build)
        }
        if build { buildInBackground(ids: records[through...].map(\.id), from: through) }
        var found: [String: Int] = [:]
        for id in ids { found[id] = byID[id] }
        return (found, through >= records.count)
    }

    /// How many records are indexed: the answers change when this does.
    var indexed: Int { known.withLock { $0.through } }

    /// Whether a build on another thread ended since the last call: the
    /// answers given meanwhile may have missed records.
    func takeBuilt() -> Bool {
        known.withLock { known in
            defer { known.built = false }
            return known.built
        }
    }

    /// Indexes the records from `start` on, by their ids: taken here, for
    /// a thread that held the records themselves would make the next part
    /// of a library being read copy them all when appended (1.4 s for a
    /// million, on the main loop).
    private func buildInBackground(ids: [String], from start: Int) {
        Thread.detachNewThread { [self] in
            // A copy: the map known so far is read meanwhile.
            var byID = known.withLock { $0.byID }
            byID.reserveCapacity(start + ids.count)
            for (offset, id) in ids.enumerated() where byID[id] == nil {
                byID[id] = start + offset
            }
            known.withLock { $0 = Known(byID: byID, through: start + ids.count, building: false, built: true) }
        }
    }

    private static func index(_ records: [Record], from start: Int, into byID: inout [String: Int]) {
        byID.reserveCapacity(records.count)
        for index in start..<records.count where byID[records[index].id] == nil {
            byID[records[index].id] = index
        }
    }
}
