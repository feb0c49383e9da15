/// One term's postings, compressed: for each record holding the term, the
/// gap from the previous record and the packed per-field frequencies as
/// varints; and, apart, the term's word positions in each record (as
/// varint gaps), as many as the frequencies add up to. The index's records
/// fall in two halves, searched on two cores; the list knows where its
/// postings of the second half start.
struct PostingList: Sendable {
    let bytes: GrowableBytes
    let positions: GrowableBytes
    private(set) var count = 0
    private(set) var lastDocument = -1
    /// Every posting's packed counts OR-ed: a field's slot is not zero
    /// when some record holds the term in that field.
    private(set) var fields: UInt32 = 0
    /// Where the second half starts, if the list was made of two parts.
    private var secondHalf: Split?

    /// A place in the list: the record before it, and the offsets in its two streams.
    struct Split: Equatable, Sendable {
        var document: Int
        var offset: Int
        var positionOffset: Int
    }

    /// Where the postings of the index's second half of the records start
    /// (the end, when none of them holds the term).
    var split: Split { secondHalf ?? Split(document: lastDocument, offset: bytes.count, positionOffset: positions.count) }

    init() {
        bytes = GrowableBytes()
        positions = GrowableBytes()
    }

    /// What a list appended to another is left as: its bytes let go of.
    static let appended = PostingList()

    /// A list as an index file keeps it (with where its second half
    /// starts), or as one part built it.
    init(bytes: GrowableBytes, positions: GrowableBytes, count: Int, lastDocument: Int, fields: UInt32, split: Split? = nil) {
        self.bytes = bytes
        self.positions = positions
        self.count = count
        self.lastDocument = lastDocument
        self.fields = fields
        secondHalf = split
    }

    @inline(__always)
    static func encodeVarint(_ value: UInt32, into pointer: UnsafeMutablePointer<UInt8>) -> Int {
        var value = value
        var length = 0
        while value >= 0x80 {
            pointer[length] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            length += 1
        }
        pointer[length] = UInt8(value)
        return length + 1
    }

    /// Appends another list whose records are numbered from 0, after
    /// `documentOffset`, as the second half: only its first record gap is
    /// re-encoded.
    mutating func append(_ other: PostingList, documentOffset: Int) {
        precondition(secondHalf == nil, "a list has two halves at most")
        secondHalf = Split(document: lastDocument, offset: bytes.count, positionOffset: positions.count)
        let source = other.bytes.buffer
        guard !source.isEmpty, let base = source.baseAddress else { return }
        // Exactly as large as both halves (the first gap may take 5 bytes more).
        bytes.reserve(bytes.count + source.count + 5)
        positions.reserve(positions.count + other.positions.count)
        var offset = 0
        let first = documentOffset + Int(Self.readVarint(source, &offset)) - 1
        var encoded: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &encoded) { scratch in
            let pointer = scratch.baseAddress!.assumingMemoryBound(to: UInt8.self)
            bytes.append(pointer, count: Self.encodeVarint(UInt32(first - lastDocument), into: pointer))
        }
        bytes.append(base + offset, count: source.count - offset)
        if let positionsBase = other.positions.buffer.baseAddress {
            positions.append(positionsBase, count: other.positions.count)
        }
        count += other.count
        fields |= other.fields
        lastDocument = documentOffset + other.lastDocument
    }

    /// Drops the spare capacity left by growing.
    func compact() {
        bytes.compact()
        positions.compact()
    }

    @inline(__always)
    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        // Most are one byte: positions' gaps, record gaps, counts in one field.
        let first = bytes[offset]
        offset &+= 1
        if first < 0x80 { return UInt32(first) }
        var value = UInt32(first & 0x7F)
        var shift: UInt32 = 7
        while true {
            let byte = bytes[offset]
            offset &+= 1
            value |= UInt32(byte & 0x7F) &<< shift
            if byte < 0x80 { return value }
            shift &+= 7
        }
    }

    /// Number of positions a posting has: the sum of its field counts.
    @inline(__always)
    static func occurrences(_ packed: UInt32) -> Int {
        // Fields added in pairs (0+1, 2+3, 4+5: three sums 10 bits apart),
        // then the three at once: a multiplication puts their sum in bits 20–29.
        let pairs = (packed & 0x01F0_7C1F) &+ ((packed &>> 5) & 0x01F0_7C1F)
        return Int(((pairs &* 0x0010_0401) &>> 20) & 0x3FF)
    }

    /// One half of the list (0 or 1): its postings' bytes, its positions'
    /// bytes, and the record its first record gap counts from.
    func half(_ half: Int) -> (bytes: UnsafeBufferPointer<UInt8>, positions: UnsafeBufferPointer<UInt8>, before: Int) {
        let split = self.split
        return half == 0
            ? (UnsafeBufferPointer(rebasing: bytes.buffer[..<split.offset]),
               UnsafeBufferPointer(rebasing: positions.buffer[..<split.positionOffset]), -1)
            : (UnsafeBufferPointer(rebasing: bytes.buffer[split.offset...]),
               UnsafeBufferPointer(rebasing: positions.buffer[split.positionOffset...]), split.document)
    }

    /// Calls `body` with each (record, packed frequencies) of one half of
    /// the records (0 or 1), in record order.
    @inline(__always)
    func forEach(half: Int, _ body: (Int, UInt32) -> Void) {
        let (buffer, _, before) = self.half(half)
        var document = before
        var offset = 0
        while offset < buffer.count {
            document &+= Int(Self.readVarint(buffer, &offset))
            body(document, Self.readVarint(buffer, &offset))
        }
    }
}
