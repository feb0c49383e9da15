import Foundation
import Synchronization

/// The engine's summary of each record of a library (its suggestion and
/// scores), made the first time it is asked for and kept: records do not
/// change while ostrom runs (a library still being read has more appended
/// as they come). A record's full analysis, with its evidence sentences,
/// is made again when asked for (some 25 µs), so that a large library's
/// placements cost a few names and numbers each. With a file to keep them
/// in (`PlacementFile`), summaries made at an earlier start are taken from
/// it, and the file is written again when records were placed anew.
/// Shared by copies of the browser's state, so it is a locked class.
public final class PlacementCache: Sendable {
    /// The built-in one unless another is given, taken the first time a
    /// record is placed (building it takes a few milliseconds, which a
    /// start that places nothing need not spend).
    private let madeEngine: Mutex<PlacementEngine?>
    private let records: Mutex<RecordParts>
    private let made: Mutex<Made> = Mutex(Made())
    /// Whether a thread is placing every record (`analyseInBackground`),
    /// and whether that was ever asked: records given later are placed too.
    private let placing = Mutex(false)
    private let asked = Mutex(false)
    /// Where summaries are kept between starts, and those read from there
    /// (read when every record is first placed).
    private let file: String?
    private let kept: Mutex<[UInt64: PlacementSummary]?> = Mutex(nil)

    /// The summaries made, by record index, and the records they place on
    /// each name; a summary once made is kept.
    private struct Made {
        var summaries: [Int: PlacementSummary] = [:]
        var places = SuggestedPlaces()

        mutating func add(_ summary: PlacementSummary, of index: Int) {
            guard summaries[index] == nil else { return }
            summaries[index] = summary
            places.add(summary, of: index)
        }
    }

    public init(records: [Record], engine: PlacementEngine? = nil, keptIn file: String? = nil) {
        self.records = Mutex(RecordParts(records))
        madeEngine = Mutex(engine)
        self.file = file
    }

    public var engine: PlacementEngine {
        madeEngine.withLock { engine in
            if let engine { return engine }
            let builtIn = PlacementEngine.builtIn
            engine = builtIn
            return builtIn
        }
    }

    /// Records read after the first, numbered after them.
    public func append(_ more: [Record]) {
        // Taken as a part of their own: a placing thread may hold the records before.
        records.withLock { $0.append(more) }
        if asked.withLock({ $0 }) { analyseInBackground() }
    }

    /// The records, all of them, the same as those held (and more after
    /// them): held as one part; the parts they came in are let go of on
    /// another thread (a million records' strings released: 0.4 s).
    public func replaceRecords(with all: [Record]) {
        var parts = RecordParts(all)
        records.withLock { held in
            precondition(all.count >= held.count, "fewer records than held")
            swap(&held, &parts)
        }
        FreedMemory.release(inBackground: consume parts)
        // The thread placing those held before may have ended: they were all placed.
        if asked.withLock({ $0 }) { analyseInBackground() }
    }

    /// A record's summary: taken from the file, or made now, when it has
    /// not been yet.
    public func summary(of index: Int) -> PlacementSummary {
        if let known = summaryIfAnalysed(of: index) { return known }
        return summary(of: index, record: records.withLock { $0[index] })
    }

    /// The summary of the record numbered `index`, given: one the cache
    /// may not hold yet (a file's, listed while it is read, is given to
    /// the cache once the file is read).
    public func summary(of index: Int, record: Record) -> PlacementSummary {
        if let known = summaryIfAnalysed(of: index) { return known }
        let summary = keptSummaries()?[PlacementFile.key(of: record)] ?? engine.summary(of: record)
        return made.withLock { made in
            made.add(summary, of: index)
            return made.summaries[index] ?? summary
        }
    }

    /// The summaries in the file, read the first time they are needed.
    private func keptSummaries() -> [UInt64: PlacementSummary]? {
        guard let file else { return nil }
        return kept.withLock { kept in
            if kept == nil { kept = PlacementFile.read(path: file, engine: engine) }
            return kept
        }
    }

    /// The summary, when the record has been analysed already (never waits).
    public func summaryIfAnalysed(of index: Int) -> PlacementSummary? {
        made.withLock { $0.summaries[index] }
    }

    /// The records analysed so far whose suggestion places them on a
    /// stage, level or principle, best evidence first, and how many records
    /// were analysed then (the list changes only when that does).
    public func suggested(on name: String) -> (records: [SuggestedRecord], analysed: Int) {
        made.withLock { ($0.places.ranked(on: name), $0.summaries.count) }
    }

    /// A record's place with its evidence, made now: the user's choice
    /// when they made one.
    public func placement(of index: Int, user: PlacementChoice?) -> RecordPlacement {
        placement(of: records.withLock { $0[index] }, user: user)
    }

    /// The place of a record given (which the cache may not hold yet).
    public func placement(of record: Record, user: PlacementChoice?) -> RecordPlacement {
        RecordPlacement(analysis: engine.analyse(record), user: user)
    }

    /// How many records are analysed, of how many.
    public var progress: (analysed: Int, of: Int) {
        (made.withLock { $0.summaries.count }, records.withLock { $0.count })
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
        asked.withLock { $0 = true }
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
    /// (the Ladder tab, `stage:` searches) are quick afterwards; a record
    /// whose text has a summary in the file is taken from there.
    public func analyseAll() {
        let records = records.withLock { $0 }
        let missing = made.withLock { made in records.indices.filter { made.summaries[$0] == nil } }
        guard !missing.isEmpty else { return }
        let kept = keptSummaries()
        let engine = engine
        let placedAnew = Mutex(false)
        // Parts of 256: each stored as soon as it is made, for the progress.
        let chunks = stride(from: 0, to: missing.count, by: 256).map { Array(missing[$0..<min($0 + 256, missing.count)]) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            var anew = false
            var placer = PlacementEngine.Summaries(engine: engine)
            let made = chunks[chunk].map { index in
                if let summary = kept?[PlacementFile.key(of: records[index])] { return (index, summary) }
                anew = true
                return (index, placer.summary(of: records[index]))
            }
            self.made.withLock { for (index, summary) in made { $0.add(summary, of: index) } }
            if anew { placedAnew.withLock { $0 = true } }
        }
        guard let file, placedAnew.withLock({ $0 }) else { return }
        let all = made.withLock { made in records.indices.compactMap { index in made.summaries[index].map { (index, $0) } } }
        PlacementFile.write(all.map { (key: PlacementFile.key(of: records[$0.0]), summary: $0.1) }, to: file, engine: engine)
    }
}
