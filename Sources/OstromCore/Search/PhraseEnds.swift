/// Where the words of a phrase being typed stand together, in each record
/// of one half that holds them in order, and what they score there. Made
/// when a space is typed after a word of an open phrase (`"public `), so
/// that the next word (`"public service`, then `"public services`) is
/// looked for in its own posting list alone, right after these ends,
/// instead of walking every word's list and reading their positions again.
///
/// Raw memory addressed by record, as the walk over the next word's
/// postings reads it at every posting; written once, then only read (by
/// the thread evaluating its half).
final class PhraseEnds: @unchecked Sendable {
    /// Per record of the half, where its ends start, which positions may
    /// follow them and what the words score there (`Columns`).
    private let records: Records
    private let memory: Memory
    /// The positions where the words end, as varint gaps from each
    /// record's start: the first word's own positions in its posting list,
    /// or written here (`owned`) as the phrase's next words follow.
    private let ends: UnsafePointer<UInt8>?
    private let owned: UnsafeMutablePointer<UInt8>?
    /// The last word's weight (its idf).
    private let lastFactor: Float

    /// A word's own positions (its posting list's, in one half), as the
    /// ends of a phrase of one word: `write` adds its records.
    convenience init(range: Range<Int>, memory: Memory, positions: UnsafeBufferPointer<UInt8>, factor: Float, write: (inout Writer) -> Void) {
        self.init(range: range, memory: memory, ends: positions.baseAddress, owned: nil, factor: factor, write: write)
    }

    /// The ends of a phrase's next word, found right after the ends of the
    /// words before (`write` adds its records): room for `bytes` bytes of
    /// positions, those of the word's own in the half (a subset's gaps
    /// take no more bytes).
    convenience init(range: Range<Int>, memory: Memory, room bytes: Int, factor: Float, write: (inout Writer) -> Void) {
        let owned = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes + 5)
        self.init(range: range, memory: memory, ends: owned, owned: (owned, bytes), factor: factor, write: write)
    }

    private init(range: Range<Int>, memory: Memory, ends: UnsafePointer<UInt8>?, owned: (bytes: UnsafeMutablePointer<UInt8>, room: Int)?,
                 factor: Float, write: (inout Writer) -> Void) {
        records = memory.take(range: range) ?? Records(range: range)
        self.memory = memory
        self.ends = ends
        self.owned = owned?.bytes
        lastFactor = factor
        var writer = Writer(columns: records.columns, base: range.lowerBound, owned: owned)
        write(&writer)
        writer.start(upTo: range.count)
    }

    deinit {
        owned?.deallocate()
        memory.keep(records)
    }

    /// Adds records in order, through values kept in registers.
    struct Writer {
        fileprivate let columns: Columns
        fileprivate let base: Int
        fileprivate let owned: (bytes: UnsafeMutablePointer<UInt8>, room: Int)?
        /// Records whose start is written; the ends' bytes read or written.
        fileprivate var filled = 0
        fileprivate var offset = 0

        /// A record (after those added before) holding the word `positions`
        /// times (`counts` packed), its positions the next in `stream` (the
        /// one the ends were made with).
        @inline(__always)
        mutating func add(_ document: Int, counts: UInt32, positions: Int, from stream: UnsafeBufferPointer<UInt8>) {
            let local = document &- base
            start(upTo: local)
            var (position, signature): (UInt32, UInt64) = (0, 0)
            for _ in 0..<positions {
                position &+= PostingList.readVarint(stream, &offset)
                signature |= 1 &<< UInt64((position &+ 1) & 63)
            }
            end(local, signature: signature, counts: counts)
        }

        /// A record (after those added before) where the phrase's last word
        /// stands at `positions` (in order) right after the others, which
        /// score `total` there.
        @inline(__always)
        mutating func add(_ document: Int, endingAt positions: UnsafeBufferPointer<UInt32>, counts: UInt32, before total: Float, inHeading: Bool) {
            guard let (bytes, room) = owned else { preconditionFailure("a word's own ends are its positions") }
            let local = document &- base
            start(upTo: local)
            var (previous, signature): (UInt32, UInt64) = (0, 0)
            for position in positions {
                // (A varint's five bytes at most past the room are allocated.)
                precondition(offset <= room, "more bytes than the word's positions take")
                offset &+= PostingList.encodeVarint(position &- previous, into: bytes + offset)
                previous = position
                signature |= 1 &<< UInt64((position &+ 1) & 63)
            }
            end(local, signature: signature, counts: counts)
            columns.totals[local] = total
            columns.inHeading[local] = inHeading
        }

        @inline(__always)
        private mutating func end(_ local: Int, signature: UInt64, counts: UInt32) {
            columns.signatures[local] = signature
            columns.lastCounts[local] = counts
        }

        /// Writes the starts of the records up to `local`: they start where
        /// the ends read or written so far end.
        @inline(__always)
        fileprivate mutating func start(upTo local: Int) {
            // (No record is added twice: `filled` is at most `local`.)
            let start = UInt32(offset)
            repeat {
                columns.starts[filled] = start
                filled &+= 1
            } while filled <= local
        }
    }

    /// Calls `body` with a view of the ends for the walk over the next
    /// word's postings.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        body(View(columns: records.columns, base: records.range.lowerBound, ends: ends, followsWords: owned != nil, lastFactor: lastFactor))
    }

    /// The ends, read by record number.
    struct View {
        fileprivate let columns: Columns
        fileprivate let base: Int
        /// (None when the word is in no record of the half.)
        fileprivate let ends: UnsafePointer<UInt8>?
        /// Whether the last word follows others, whose score is kept.
        fileprivate let followsWords: Bool
        fileprivate let lastFactor: Float

        /// Whether the record holds the words.
        @inline(__always)
        func holds(_ document: Int) -> Bool {
            let local = document &- base
            return columns.starts[local] != columns.starts[local &+ 1]
        }

        /// Writes into `found` those of `positions` (in order) that stand
        /// right after an end of the words in the record; how many. Most
        /// records have none, which their signature tells without reading
        /// their ends.
        @inline(__always)
        func following(_ document: Int, among positions: UnsafeMutablePointer<UInt32>, count: Int, into found: UnsafeMutablePointer<UInt32>) -> Int {
            let local = document &- base
            let signature = columns.signatures[local]
            var maybe: UInt64 = 0
            for index in 0..<count { maybe |= signature &>> UInt64(positions[index] & 63) }
            guard maybe & 1 != 0, let ends else { return 0 }
            var offset = Int(columns.starts[local])
            let bytes = UnsafeBufferPointer(start: ends, count: Int(columns.starts[local &+ 1]))
            var (index, end, matches) = (0, PostingList.readVarint(bytes, &offset), 0)
            while true {
                let (position, wanted) = (positions[index], end &+ 1)
                if position == wanted {
                    found[matches] = position
                    matches &+= 1
                }
                if position <= wanted {
                    index &+= 1
                    if index == count { break }
                }
                if position >= wanted {
                    guard offset < bytes.count else { break }
                    end &+= PostingList.readVarint(bytes, &offset)
                }
            }
            return matches
        }

        /// The words' score in the record, summed in the phrase's order
        /// (`score` gives the last word's), and whether all stood in a heading.
        @inline(__always)
        func score(_ document: Int, _ score: (UInt32) -> Float) -> (total: Float, inHeading: Bool) {
            let local = document &- base
            let counts = columns.lastCounts[local]
            let (total, inHeading) = followsWords ? (columns.totals[local], columns.inHeading[local]) : (0, true)
            return (total + lastFactor * score(counts), inHeading && counts & RankClass.headingMask != 0)
        }
    }
}
