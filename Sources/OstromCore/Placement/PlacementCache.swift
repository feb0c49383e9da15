import Foundation
import Synchronization

/// The engine's analysis of each record of a library, made the first time
/// it is asked for and kept: records do not change while ostrom runs (a
/// library still being read has more appended as they come). Shared by
/// copies of the browser's state, so it is a locked class.
public final class PlacementCache: Sendable {
    public let engine: PlacementEngine
    private let records: Mutex<[Record]>
    private let analyses: Mutex<[Int: PlacementAnalysis]> = Mutex([:])
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

    public func analysis(of index: Int) -> PlacementAnalysis {
        if let known = analyses.withLock({ $0[index] }) { return known }
        let analysis = engine.analyse(records.withLock { $0[index] })
        analyses.withLock { $0[index] = analysis }
        return analysis
    }

    /// A record's place: the user's choice when they made one.
    public func placement(of index: Int, user: PlacementChoice?) -> RecordPlacement {
        RecordPlacement(analysis: analysis(of: index), user: user)
    }

    /// The place, when the record has been analysed already (never waits).
    public func placementIfAnalysed(of index: Int, user: PlacementChoice?) -> RecordPlacement? {
        analyses.withLock { $0[index] }.map { RecordPlacement(analysis: $0, user: user) }
    }

    /// How many records are analysed, of how many.
    public var progress: (analysed: Int, of: Int) {
        (analyses.withLock { $0.count }, records.withLock { $0.count })
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
        let missing = analyses.withLock { known in records.indices.filter { known[$0] == nil } }
        guard !missing.isEmpty else { return }
        // Parts of 256: each stored as soon as it is made, for the progress.
        let chunks = stride(from: 0, to: missing.count, by: 256).map { Array(missing[$0..<min($0 + 256, missing.count)]) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            let made = chunks[chunk].map { ($0, engine.analyse(records[$0])) }
            analyses.withLock { for (index, analysis) in made { $0[index] = analysis } }
        }
    }
}
