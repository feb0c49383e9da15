import Foundation
import OstromCore

/// The default library as the browser opens it: the built-in records and
/// the first part of the user's at once, so that the first screen does not
/// wait for a library of 100 000 records; the rest is read on another
/// thread, a part at a time. The search index kept beside the library is
/// used when it was built from the same records: it answers searches
/// while they are still being read. Else the index is built once they are
/// all read, and kept for the next start.
public struct LibraryStart {
    public var records: [Record]
    public var addedDays: [String: String]
    public var loading: RecordsInBackground?
    public var index: IndexInBackground?

    /// Enough for any first screen; read in a few milliseconds.
    static let firstPart = 1_000
    static let laterPart = 10_000

    /// Only the built-in records (no library could be opened).
    public init(builtIn: [Record]) {
        records = builtIn
        addedDays = [:]
    }

    /// `program` names this ostrom: an index kept by another is not used.
    /// An index is kept for libraries of `keepsIndexFrom` records or more
    /// (a smaller one is built in a moment).
    public init(store: LibraryStore, builtIn: [Record], program: String,
                keepsIndexFrom: Int = IndexInBackground.backgroundThreshold) throws {
        let libraryStamp = try store.changeStamp()
        let total = try store.recordCount()
        var first = try store.part(after: 0, limit: Self.firstPart)
        var ids = Set(builtIn.map(\.id))
        RecordIdentifiers.keepTaken(&first.records, ids: &ids)
        records = builtIn + first.records
        addedDays = Dictionary(zip(first.records.map(\.id), first.addedDays).compactMap { id, day in day.map { (id, $0) } },
                               uniquingKeysWith: { _, last in last })
        let indexPath = store.indexPath
        guard total > first.records.count else {
            unlink(indexPath)
            return
        }
        let mailbox = RecordsInBackground(total: total)
        let index = IndexInBackground()
        let reading = Reading(path: store.path, indexPath: indexPath, libraryStamp: libraryStamp,
                              indexStamp: Self.indexStamp(program: program, library: libraryStamp, builtIn: builtIn),
                              start: records, afterRow: first.lastRow, count: records.count + total - first.records.count,
                              keepsIndexFrom: keepsIndexFrom)
        nonisolated(unsafe) var taken = ids
        Thread.detachNewThread { reading.run(ids: &taken, mailbox: mailbox, index: index) }
        loading = mailbox
        self.index = index
    }

    /// What a kept index must have been built from: this ostrom, this state
    /// of this library, these built-in records.
    static func indexStamp(program: String, library: String, builtIn: [Record]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for record in builtIn {
            for byte in RecordCoding.encode(record) + Array(record.id.utf8) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            }
        }
        return "\(program) library \(library) built-in \(String(hash, radix: 16))"
    }
}

/// The reader's side: the rest of the library read in one transaction,
/// and the index, kept or built.
private struct Reading: Sendable {
    let path: String
    let indexPath: String
    let libraryStamp: String
    let indexStamp: String
    /// The records shown at once, and the row after which the rest comes.
    let start: [Record]
    let afterRow: Int
    /// How many records there are in all when the library is as it was.
    let count: Int
    let keepsIndexFrom: Int

    func run(ids: inout Set<String>, mailbox: RecordsInBackground, index: IndexInBackground) {
        // The long texts are compressed once the index is built (or read),
        // and what reading and indexing freed in this thread's arena goes
        // back to the system.
        var stores: [LongTextStore] = []
        defer {
            LongTextStore.compress(stores)
            FreedMemory.giveBack()
        }
        var unchanged = false, whole = false
        let kept = KeptIndex()
        // Kept for building the index, until the kept one is found good.
        var all = start
        all.reserveCapacity(count)
        do {
            try LibraryStore.readParts(path: path, after: afterRow, size: LibraryStart.laterPart, atStart: { stamp in
                unchanged = stamp == libraryStamp
                guard unchanged else { return kept.settle(found: false) }
                Thread.detachNewThread { [self] in
                    let found = (try? IndexFile.read(path: indexPath, stamp: indexStamp))
                        .flatMap { try? SearchIndex(count: count, file: $0) }
                    if let found { index.fulfil(found) }
                    kept.settle(found: found != nil)
                }
            }, deliver: { part in
                RecordIdentifiers.keepTaken(&part.records, ids: &ids)
                LongTextStore.keep(&part.records)
                stores += LongTextStore.stores(of: part.records)
                if kept.found != true { all += part.records } else if !all.isEmpty { all = [] }
                mailbox.deliver(RecordsInBackground.Part(records: part.records, addedDays: part.addedDays))
            })
            mailbox.finish()
            whole = true
        } catch {
            kept.settle(found: false)
            mailbox.finish(failure: "\(error)")
        }
        guard kept.waitForAnswer() == false else { return }
        let built = SearchIndex(records: all)
        index.fulfil(built)
        guard whole && unchanged else { return }
        if all.count >= keepsIndexFrom {
            try? built.write(to: indexPath, stamp: indexStamp)
        } else {
            unlink(indexPath)
        }
    }
}

/// Whether the kept index was found good: not known while it is read
/// (beside the records), then yes or no.
private final class KeptIndex: @unchecked Sendable {
    private let condition = NSCondition()
    private var answer: Bool?

    func settle(found: Bool) {
        condition.withLock {
            if answer == nil { answer = found }
            condition.broadcast()
        }
    }

    var found: Bool? { condition.withLock { answer } }

    func waitForAnswer() -> Bool {
        condition.withLock {
            while answer == nil { condition.wait() }
            return answer!
        }
    }
}
