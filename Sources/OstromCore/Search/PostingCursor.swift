/// Reads one posting list forward, record by record, as a value the walk
/// keeps in registers. A record's positions are read only when asked for
/// (a phrase asks only where its words meet); the positions of the
/// records passed are skipped in bulk when positions are next read.
struct PostingCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let stream: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var positionOffset = 0
    private(set) var document = -1
    private(set) var packed: UInt32 = 0
    private(set) var isAtEnd = false
    /// Positions of the records passed, not read yet.
    private var unread = 0
    /// Positions of the current record not read yet.
    private var current = 0

    /// Positions a record has at most in one posting: 31 per field.
    static let maximumPositions = SearchIndex.fieldCount * 31

    /// A cursor over one half of the records (0 or 1).
    init(list: PostingList, half: Int) {
        (bytes, stream, document) = list.half(half)
    }

    /// The next record.
    @inline(__always)
    mutating func advance() {
        unread &+= current
        guard offset < bytes.count else {
            isAtEnd = true
            current = 0
            return
        }
        document &+= Int(PostingList.readVarint(bytes, &offset))
        packed = PostingList.readVarint(bytes, &offset)
        current = PostingList.occurrences(packed)
    }

    /// Forward to the first record at or after `target`.
    @inline(__always)
    mutating func skip(to target: Int) {
        while document < target && !isAtEnd { advance() }
    }

    /// The current record's positions, in order, into `buffer` (room for
    /// `maximumPositions`); how many. Read once per record.
    mutating func readPositions(into buffer: UnsafeMutablePointer<UInt32>) -> Int {
        skipUnread()
        var position: UInt32 = 0
        let count = current
        for index in 0..<count {
            position += PostingList.readVarint(stream, &positionOffset)
            buffer[index] = position
        }
        current = 0
        return count
    }

    /// Whether the second word stands right after the first somewhere in
    /// their (common) current record: both records' positions are read
    /// together, in order, only as far as the first such place.
    static func follows(_ first: inout PostingCursor, _ second: inout PostingCursor) -> Bool {
        first.skipUnread()
        second.skipUnread()
        var (left, right) = (first.current, second.current)
        (first.current, second.current) = (0, 0)
        guard left > 0 && right > 0 else {
            (first.unread, second.unread) = (first.unread + left, second.unread + right)
            return false
        }
        var wanted = PostingList.readVarint(first.stream, &first.positionOffset) &+ 1
        var position = PostingList.readVarint(second.stream, &second.positionOffset)
        (left, right) = (left - 1, right - 1)
        var found = false
        while true {
            if position < wanted {
                guard right > 0 else { break }
                position &+= PostingList.readVarint(second.stream, &second.positionOffset)
                right -= 1
            } else if position > wanted {
                guard left > 0 else { break }
                wanted &+= PostingList.readVarint(first.stream, &first.positionOffset)
                left -= 1
            } else {
                found = true
                break
            }
        }
        (first.unread, second.unread) = (first.unread + left, second.unread + right)
        return found
    }

    /// Moves past `unread` varints: a varint ends at each byte below 0x80,
    /// counted 32 bytes at a time while they all belong to skipped ones.
    private mutating func skipUnread() {
        guard unread > 0, let base = stream.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        while unread >= 32 && positionOffset + 32 <= stream.count {
            let chunk = raw.loadUnaligned(fromByteOffset: positionOffset, as: SIMD32<UInt8>.self)
            let ends = 32 - Int((chunk &>> 7).wrappedSum())
            guard ends <= unread else { break }
            unread -= ends
            positionOffset += 32
        }
        while unread > 0 {
            // Without a branch on the byte: one less to go when it ends a varint.
            unread &-= Int((base[positionOffset] >> 7) ^ 1)
            positionOffset &+= 1
        }
    }
}
