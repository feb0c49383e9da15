import Synchronization

/// The long texts of a library's records compressed while the search
/// index is built, each store as soon as every record keeping texts in it
/// is indexed (`SearchIndex(records:indexed:)`), on the thread that indexed
/// them. The index is what reads every text at once; compressed only once
/// it was built, the texts were held uncompressed beside the whole index
/// (100 000 records: 160 MiB of texts, 53 MiB compressed, beside an index
/// of 76 MiB).
public final class TextsCompressedAsIndexed: Sendable {
    /// A store and the first and last records keeping a text in it.
    private struct Pending {
        let store: LongTextStore
        var records: ClosedRange<Int>
    }

    private let pending: Mutex<[Pending]>

    public init(records: [Record]) {
        var pending: [Pending] = []
        var places: [ObjectIdentifier: Int] = [:]
        func note(_ text: LongText?, of index: Int) {
            guard let store = text?.store else { return }
            // Records keep their texts in the store of the records before them, mostly.
            let place = pending.last?.store === store ? pending.count - 1 : places[ObjectIdentifier(store)]
            if let place {
                pending[place].records = pending[place].records.lowerBound...index
            } else {
                places[ObjectIdentifier(store)] = pending.count
                pending.append(Pending(store: store, records: index...index))
            }
        }
        for index in records.indices {
            note(records[index].abstractText, of: index)
            note(records[index].bodyText, of: index)
        }
        self.pending = Mutex(pending)
    }

    /// The records numbered `range` are indexed: the stores all of whose
    /// records are among them are compressed, on this thread.
    @Sendable public func indexed(_ range: Range<Int>) {
        let ready = pending.withLock { pending in
            // The stores ready moved to the end, taken off in one walk (their order does not matter).
            let first = pending.partition { range.contains($0.records.lowerBound) && range.contains($0.records.upperBound) }
            defer { pending.removeSubrange(first...) }
            return pending[first...].map(\.store)
        }
        for store in ready { store.compress() }
    }

    /// Compresses the stores left (one whose records were indexed by two
    /// threads, or all of them when nothing was indexed), on all cores.
    public func finish() {
        let left = pending.withLock { pending in
            defer { pending = [] }
            return pending.map(\.store)
        }
        LongTextStore.compress(left)
    }
}
