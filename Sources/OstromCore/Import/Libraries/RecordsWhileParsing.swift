import Foundation

/// The records of a large BibTeX file made while it is still parsed: the
/// parser hands its entries over a batch at a time (`handOver`), another
/// thread makes their records in their places, the parsing thread makes
/// one too whenever more than `mostWaiting` wait, and once the parse is
/// over it makes the rest with the other (`finishParsing`). A million
/// entries took 2.9 s to parse on one core before any record was made.
///
/// Entries are taken up to the first that inherits from another
/// (`crossref`, `xdata`), whose parent may come later in the file: it and
/// the rest are made once the file is parsed. The parser lets go of the
/// entries taken (`TakenEntries` keeps what stays of them). A batch's
/// bytes are given back to the system as soon as its records are made
/// (`release`): only a mapped file's may be, which are read from the file
/// again if an entry inheriting from them reads them later. The records
/// of each batch are offered to `progress` (`ReadingProgress.offer`) in
/// order, as soon as those before them are: the browser lists them while
/// the rest is read.
final class RecordsWhileParsing: @unchecked Sendable {
    /// Entries a batch: the records of one long-text store.
    static let batchSize = LongTextStore.recordsPerStore

    private let buffer: UnsafeMutableBufferPointer<Record>
    private let make: @Sendable (BibTeXParser.Entry) -> Record
    private let progress: ReadingProgress?
    private let keepingLongTexts: Bool
    private let release: EntryBytesRelease?
    private let condition = NSCondition()
    /// Batches handed over, each let go of once taken, and where each one's records go.
    private var batches: [[BibTeXParser.Entry]] = []
    private var starts: [Int] = []
    private var handedOver = 0
    private var taken = 0
    /// Batches whose records are made, by number, those offered left out.
    private var made: Set<Int> = []
    private var offered = 0
    private var parsed = false
    /// An entry that inherits was met (read and written by the parsing thread only).
    private var stopped = false
    private let helper = DispatchGroup()

    /// Records made into `buffer`, in the order their entries are handed
    /// over (record entries only); `make` makes an entry's record.
    init(into buffer: UnsafeMutableBufferPointer<Record>, progress: ReadingProgress?, keepingLongTexts: Bool,
         release: EntryBytesRelease?, make: @escaping @Sendable (BibTeXParser.Entry) -> Record) {
        self.buffer = buffer
        self.make = make
        self.progress = progress
        self.keepingLongTexts = keepingLongTexts
        self.release = release
        DispatchQueue.global().async(group: helper) { [self] in makeBatches() }
    }

    /// Takes the record entries of the parser's latest ones, up to the
    /// first that inherits (on the parsing thread), noting what stays of
    /// every entry it goes through in `taken` (in the same walk): how many
    /// of the first entries it went through (those that are no records
    /// among them).
    func handOver(_ entries: ArraySlice<BibTeXParser.Entry>, noting taken: inout TakenEntries) -> Int {
        guard !stopped else { return 0 }
        var batch: [BibTeXParser.Entry] = []
        batch.reserveCapacity(entries.count)
        var through = entries.count
        for index in entries.indices {
            let isRecord = !BibTeXImporter.notRecords.contains(entries[index].type)
            if isRecord && (entries[index].crossref != nil || !entries[index].xdata.isEmpty) {
                stopped = true
                through = index - entries.startIndex
                break
            }
            taken.add(entries[index], isRecord: isRecord)
            if isRecord { batch.append(entries[index]) }
        }
        guard !batch.isEmpty else { return through }
        condition.withLock {
            starts.append(handedOver)
            batches.append(batch)
            handedOver += batch.count
            condition.signal()
        }
        // The parse runs ahead of the making: past a few batches waiting, this thread makes one too.
        if let batch = take(ifMoreThan: Self.mostWaiting) { makeRecords(of: batch) }
        return through
    }

    /// Batches waiting to be made past which the parsing thread makes one
    /// itself: the parse ran ahead of the making, and the file's pages in
    /// between stayed in memory until their records were made (at the
    /// middle of a million entries' read, 1.5 GB of them).
    static let mostWaiting = 4

    /// The parse is over: this thread makes what is left of the batches
    /// too, then waits for the other's last. The records made: those of
    /// the file's first record entries, in order.
    func finishParsing() -> Int {
        let count = condition.withLock {
            parsed = true
            condition.broadcast()
            return handedOver
        }
        makeBatches()
        helper.wait()
        return count
    }

    private typealias Batch = (number: Int, start: Int, entries: [BibTeXParser.Entry])

    /// The next batch and where its records go, waiting for the parser;
    /// nil once they are all taken and the parse is over.
    private func take() -> Batch? {
        condition.withLock {
            while taken == batches.count && !parsed { condition.wait() }
            return takeNext()
        }
    }

    /// The next batch, if more than `waiting` wait to be made.
    private func take(ifMoreThan waiting: Int) -> Batch? {
        condition.withLock { batches.count - taken > waiting ? takeNext() : nil }
    }

    private func takeNext() -> Batch? {
        guard taken < batches.count else { return nil }
        defer { taken += 1 }
        let batch = batches[taken]
        batches[taken] = []
        return (taken, starts[taken], batch)
    }

    private func makeBatches() {
        while let batch = take() { makeRecords(of: batch) }
    }

    private func makeRecords(of batch: Batch) {
        let (number, start, entries) = batch
        for (offset, entry) in entries.enumerated() { (buffer.baseAddress! + start + offset).initialize(to: make(entry)) }
        if keepingLongTexts { LongTextStore.keep(UnsafeMutableBufferPointer(rebasing: buffer[start..<start + entries.count])) }
        progress?.add(entries.count)
        offerInOrder(number)
        release?.giveBack(entries[0].bytes.lowerBound..<entries[entries.count - 1].bytes.upperBound)
    }

    /// Batch `number`'s records are made: they and those after them made
    /// already are offered, once every batch before them is. Both threads
    /// make batches once the parse is over, so one may finish first.
    private func offerInOrder(_ number: Int) {
        guard let progress else { return }
        condition.withLock {
            made.insert(number)
            while made.remove(offered) != nil {
                let end = offered + 1 < starts.count ? starts[offered + 1] : handedOver
                progress.offer(UnsafeBufferPointer(rebasing: buffer[starts[offered]..<end]))
                offered += 1
            }
        }
    }
}
