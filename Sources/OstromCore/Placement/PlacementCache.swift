import Foundation
import Synchronization

/// The engine's summary of each record of a library (its suggestion and
/// scores), made the first time it is asked for and kept: records do not
/// change while ostrom runs (a library still being read has more appended
/// as they come). A record's full analysis, with its evidence sentences,
/// is made again when asked for (some 60 µs), so that a large library's
/// placements cost a few names and numbers each. Shared by copies of the
/// browser's state, so it is a locked class.
public final class PlacementCache: Sendable {
    public let engine: PlacementEngine
    private let records: Mutex<[Record]>
    private let summaries: Mutex<[Int: PlacementSummary]> = Mutex([:])
    /// Whether a thread is placing every record (`analyseInBackground`).
    private let placing = Mutex(false)

    public init(records: [Record], engine: PlacementEngine = PlacementEngine()) {
        self.records = Mutex(records)
        self.engine = engine
    }

    /// Records read after the first, numbered after them.
    public func append(_ more: [Record]) {
        records.withLock { $0 += more }
    }

    /// A record's summary, made now when it has not been yet.
    public func summary(of index: Int) -> PlacementSummary {
        if let known = summaries.withLock({ $0[index] }) { return known }
        return placement(of: index, user: nil).summary
    }

    /// The summary, when the record has been analysed already (never waits).
    public func summaryIfAnalysed(of index: Int) -> PlacementSummary? {
        summaries.withLock { $0[index] }
    }

    /// A record's place with its evidence: the user's choice when they made one.
    public func placement(of index: Int, user: PlacementChoice?) -> RecordPlacement {
        let analysis = engine.analyse(records.withLock { $0[index] })
        summaries.withLock { $0[index] = $0[index] ?? PlacementSummary(analysis) }
        return RecordPlacement(analysis: analysis, user: user)
    }

    /// How many records are analysed, of how many.
    public var progress: (analysed: Int, of: Int) {
        (summaries.withLock { $0.count }, records.withLock { $0.count })
    }

    public var isComplete: Bool {
        let (analysed, total) = progress
        return analysed >= total
    }

    /// Analyses every record on another thread (both cores), a part at a
    /// time, so that the browser never waits for it: the Ladder tab fills
    /// in as records are placed. Records appended meanwhile are placed too.
    /// Does nothing when that is under way or done.
    public func analyseInBackground() {
        guard !isComplete, placing.withLock({ started in
            defer { started = true }
            return !started
        }) else { return }
        Thread.detachNewThread { [self] in
            while !isComplete { analyseAll() }
            placing.withLock { $0 = false }
        }
    }

    /// Analyses every record, on all cores, so that listings by place
    /// (the Ladder tab, `stage:` searches) are quick afterwards.
    public func analyseAll() {
        let records = records.withLock { $0 }
        let missing = summaries.withLock { known in records.indices.filter { known[$0] == nil } }
        guard !missing.isEmpty else { return }
        // Parts of 256: each stored as soon as it is made, for the progress.
        let chunks = stride(from: 0, to: missing.count, by: 256).map { Array(missing[$0..<min($0 + 256, missing.count)]) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            let made = chunks[chunk].map { ($0, PlacementSummary(engine.analyse(records[$0]))) }
            summaries.withLock { for (index, summary) in made { $0[index] = summary } }
        }
    }
}
