import Foundation

/// A library read on another thread and handed over a part at a time, so
/// that the browser shows its first screen before the whole of a large
/// library is read, and the rest appears as it comes. The reader delivers
/// the parts in order, then finishes (with the reason when it stopped early).
public final class RecordsInBackground: @unchecked Sendable {
    /// Records, and the day each was added to the user's library (by
    /// position: `nil` for a record that is not in it, or when not known).
    public struct Part: Sendable {
        public var records: [Record]
        public var addedDays: [String?]
        /// Each record's kind as its `RecordKind.position`, a byte a record,
        /// and the records' positions in the part by kind (`allCases`
        /// order): read and filed by the reader, so that the browser lists a
        /// million records by kind, and puts a million hits in their tabs,
        /// without reading each record's kind (a cache miss apiece: 17 to
        /// 21 ms for a million, 100 ms and more as it was filed before).
        /// Those of the records that come after the records delivered before.
        public let kindPositions: [UInt8]
        public let positionsByKind: [[Int]]
        /// How many records delivered before this part's first ones are
        /// (nil: it comes after them): the whole of a file, read, replacing
        /// the first records handed over while it was read (`ReadingProgress`).
        public let replacing: Int?

        public init(records: [Record], addedDays: [String?] = []) {
            self.records = records
            self.addedDays = addedDays
            replacing = nil
            kindPositions = Self.kindPositions(of: records[...])
            positionsByKind = Self.positionsByKind(of: kindPositions)
        }

        /// All the records, the first `replacing` of them delivered before.
        public init(records: [Record], replacing: Int) {
            precondition(replacing <= records.count, "more records replaced than given")
            self.records = records
            self.replacing = replacing
            addedDays = []
            kindPositions = Self.kindPositions(of: records[replacing...])
            positionsByKind = Self.positionsByKind(of: kindPositions)
        }

        public static func kindPositions(of records: ArraySlice<Record>) -> [UInt8] {
            records.map { UInt8($0.kind.position) }
        }

        public static func positionsByKind(of kinds: [UInt8]) -> [[Int]] {
            var counts = [Int](repeating: 0, count: RecordKind.allCases.count)
            for kind in kinds { counts[Int(kind)] += 1 }
            var positions = counts.map { count in
                var positions: [Int] = []
                positions.reserveCapacity(count)
                return positions
            }
            for (position, kind) in kinds.enumerated() { positions[Int(kind)].append(position) }
            return positions
        }
    }

    /// What has come since the last `take`.
    public struct Taken: Sendable {
        public var parts: [Part]
        public var finished: Bool
        /// Why reading stopped early, if it did.
        public var failure: String?
        /// What reading found wrong without stopping (a file's warnings), once finished.
        public var warnings: [String] = []
    }

    /// How many records are coming in all (0 when not known).
    public let total: Int
    /// What is read, as the status row names it: "your library", "big.bib".
    public let source: String
    /// Whether the records are the user's library (theirs to remove and
    /// edit), not a file's being browsed.
    public let isLibrary: Bool
    /// Records made so far, before any is delivered (a large file's).
    public let progress = ReadingProgress()
    private let lock = NSLock()
    private var parts: [Part] = []
    private var finished = false
    private var failure: String?
    private var warnings: [String] = []

    /// The user's library, `total` records in all.
    public init(total: Int) {
        self.total = total
        source = "your library"
        isLibrary = true
    }

    /// A file or files being browsed, named `source` in the status row;
    /// their first records are delivered as they are made (`progress`),
    /// then all of them, read (`Part(records:replacing:)`).
    public init(readingFiles source: String) {
        total = 0
        self.source = source
        isLibrary = false
        progress.handsOver { [weak self] records in self?.deliver(Part(records: records)) }
    }

    /// Files or folders read on another thread (the browser's, on a large
    /// file): their records delivered as they are made, then all of them,
    /// read, and their warnings; the index built once they are read, their
    /// long texts compressed as it is (`TextsCompressedAsIndexed`).
    public static func reading(_ paths: [String], source: String) -> (records: RecordsInBackground, index: IndexInBackground) {
        let mailbox = RecordsInBackground(readingFiles: source)
        let index = IndexInBackground()
        Thread.detachNewThread {
            do {
                let library = try Library.load(paths: paths, progress: mailbox.progress, keepsLongTexts: true)
                // Those listed while it was read are replaced by the same, read.
                mailbox.deliver(Part(records: library.records, replacing: mailbox.progress.handedOver))
                mailbox.finish(warnings: library.diagnostics.map(\.description))
                FreedMemory.giveBack()
                let texts = TextsCompressedAsIndexed(records: library.records)
                index.fulfil(SearchIndex(records: library.records, indexed: texts.indexed))
                texts.finish()
                FreedMemory.giveBack()
            } catch {
                mailbox.finish(failure: "\(error)")
                index.fulfil(SearchIndex(records: []))
            }
        }
        return (mailbox, index)
    }

    public func deliver(_ part: Part) {
        lock.withLock { parts.append(part) }
    }

    public func finish(failure: String? = nil, warnings: [String] = []) {
        lock.withLock {
            self.failure = failure
            self.warnings = warnings
            finished = true
        }
    }

    public func take() -> Taken {
        lock.withLock {
            defer { parts.removeAll() }
            return Taken(parts: parts, finished: finished, failure: failure, warnings: finished ? warnings : [])
        }
    }
}
