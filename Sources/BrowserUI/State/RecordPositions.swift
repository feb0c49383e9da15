import OstromCore
import Synchronization

/// Each record's position by its id (the first, when two share one),
/// made the first time it is needed and extended to records appended
/// since: a record keeps its id and position while ostrom runs (an edit
/// replaces it in place; a removal only hides it). Shared by copies of the
/// browser's state, so it is a locked class.
final class RecordPositions: Sendable {
    private let known: Mutex<(byID: [String: Int], through: Int)> = Mutex(([:], 0))

    /// The positions of those of `ids` that name a record of `records`
    /// (none asked for, none made).
    func positions(of ids: some Collection<String>, in records: [Record]) -> [String: Int] {
        guard !ids.isEmpty else { return [:] }
        return known.withLock { known in
            if known.through < records.count {
                for index in known.through..<records.count where known.byID[records[index].id] == nil {
                    known.byID[records[index].id] = index
                }
                known.through = records.count
            }
            var found: [String: Int] = [:]
            for id in ids { found[id] = known.byID[id] }
            return found
        }
    }
}
