import Foundation
import LibraryStore
import OstromCore

/// The default library as the browser opens it: the built-in records and
/// the first part of the user's at once, so that the first screen does not
/// wait for a library of 100 000 records; the rest is read on another
/// thread, a part at a time, which then builds the search index.
struct LibraryStart {
    var records: [Record]
    var addedDays: [String: String]
    var loading: RecordsInBackground?
    var index: IndexInBackground?

    /// Enough for any first screen; read in a few milliseconds.
    static let firstPart = 1_000
    static let laterPart = 10_000

    /// Only the built-in records (no library could be opened).
    init(builtIn: [Record]) {
        records = builtIn
        addedDays = [:]
    }

    init(store: LibraryStore, builtIn: [Record]) throws {
        let total = try store.recordCount()
        let first = try store.part(after: 0, limit: Self.firstPart)
        var ids = Set(builtIn.map(\.id))
        records = builtIn + RecordIdentifiers.keepingTaken(first.records, ids: &ids)
        addedDays = first.addedDays
        guard total > first.records.count else { return }
        let mailbox = RecordsInBackground(total: total)
        let path = store.path, lastRow = first.lastRow, start = records
        nonisolated(unsafe) var taken = ids
        index = IndexInBackground {
            var all = start
            do {
                try LibraryStore.readParts(path: path, after: lastRow, size: Self.laterPart) { part in
                    let records = RecordIdentifiers.keepingTaken(part.records, ids: &taken)
                    all += records
                    mailbox.deliver(RecordsInBackground.Part(records: records, addedDays: part.addedDays))
                }
                mailbox.finish()
            } catch {
                mailbox.finish(failure: "\(error)")
            }
            return SearchIndex(records: all)
        }
        loading = mailbox
    }
}
