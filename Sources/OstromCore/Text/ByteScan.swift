/// Loops that read every byte of a large file, sixteen bytes at a time
/// (SIMD16 compiles to SSE2 on x86-64 and NEON on ARM): a 200 MB BibTeX
/// library is scanned in milliseconds instead of a second.
///
/// Compare chunks with `Chunk(repeating:)` vectors: Swift 6.3 turns the
/// operators that take a scalar (`chunk .< 0x20`) into a loop over the
/// lanes, a hundred times slower. Ask `anyLane`, not `any`, which is a
/// function call per chunk.
enum ByteScan {
    typealias Chunk = SIMD16<UInt8>

    /// The first index at or after `start` whose byte is one of the
    /// five given (repeat one to look for fewer), or `buffer.count`.
    static func firstIndex(of a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8,
                           in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = buffer.baseAddress {
            let (va, vb, vc, vd, ve) = (Chunk(repeating: a), Chunk(repeating: b), Chunk(repeating: c), Chunk(repeating: d), Chunk(repeating: e))
            while index + Chunk.scalarCount <= buffer.count {
                let chunk = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: Chunk.self)
                if anyLane((chunk .== va) .| (chunk .== vb) .| (chunk .== vc) .| (chunk .== vd) .| (chunk .== ve)) { break }
                index += Chunk.scalarCount
            }
        }
        while index < buffer.count {
            let byte = buffer[index]
            if byte == a || byte == b || byte == c || byte == d || byte == e { return index }
            index += 1
        }
        return index
    }

    /// Whether any byte of a short buffer (a sentence) is one `lanes` finds
    /// (`byte` saying the same of one byte): sixteen bytes at a time, the
    /// last sixteen overlapping the chunk before rather than read one by one.
    @inline(__always)
    static func contains(in buffer: UnsafeBufferPointer<UInt8>, lanes: (Chunk) -> SIMDMask<SIMD16<Int8>>, byte: (UInt8) -> Bool) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        guard buffer.count >= Chunk.scalarCount else { return buffer.contains(where: byte) }
        func holds(at index: Int) -> Bool { anyLane(lanes(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: Chunk.self))) }
        var index = 0
        while index + Chunk.scalarCount < buffer.count {
            if holds(at: index) { return true }
            index += Chunk.scalarCount
        }
        return holds(at: buffer.count - Chunk.scalarCount)
    }

    /// Where the run of ASCII letters and digits at `start` ends (at
    /// most at `limit`): sixteen bytes at a time, and without a branch on
    /// where in them it ends (a word's length is no pattern a processor
    /// can predict).
    @inline(__always)
    static func letterRunEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        var index = start
        if let base = buffer.baseAddress {
            let (space, a, zero) = (Chunk(repeating: 0x20), Chunk(repeating: UInt8(ascii: "a")), Chunk(repeating: UInt8(ascii: "0")))
            let (letters, digits) = (Chunk(repeating: 26), Chunk(repeating: 10))
            while index + Chunk.scalarCount <= buffer.count {
                let chunk = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: Chunk.self)
                let isLetter = (((chunk | space) &- a) .< letters) .| ((chunk &- zero) .< digits)
                let words = unsafeBitCast(isLetter, to: SIMD2<UInt64>.self)
                // Letters in the first eight lanes, then in the next eight
                // when all of those were (no lane unset counts 64 bits, 8 lanes).
                let first = (~words[0]).trailingZeroBitCount >> 3
                let run = first + (first >> 3) * ((~words[1]).trailingZeroBitCount >> 3)
                index += run
                if run < Chunk.scalarCount || index >= limit { return min(index, limit) }
            }
        }
        while index < limit, index < buffer.count, isASCIILetterOrDigit(buffer[index]) { index += 1 }
        return index
    }

    @inline(__always)
    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// Whether any lane of the mask is set: two words or'ed together.
    @inline(__always)
    static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// How many lanes of the mask are set.
    @inline(__always)
    static func laneCount(_ mask: SIMDMask<SIMD16<Int8>>) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return (words[0].nonzeroBitCount + words[1].nonzeroBitCount) >> 3
    }

    /// The first index at or after `start` where `Class` finds something,
    /// or `buffer.count`. Bytes are looked at one by one only in the
    /// chunks that `Class.mayHold` does not clear, and at the end.
    @inline(__always)
    static func firstIndex<Class: ByteClass>(_: Class.Type, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = buffer.baseAddress {
            // Each chunk comes with the one a byte further on, for pairs such as "--".
            while index + Chunk.scalarCount + 1 <= buffer.count {
                let chunk = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: Chunk.self)
                let next = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index + 1, as: Chunk.self)
                if anyLane(Class.mayHold(chunk, next)) {
                    for offset in 0..<Chunk.scalarCount where Class.holds(buffer, at: index + offset) { return index + offset }
                }
                index += Chunk.scalarCount
            }
        }
        while index < buffer.count {
            if Class.holds(buffer, at: index) { return index }
            index += 1
        }
        return index
    }
}

/// What `ByteScan.firstIndex(_:in:from:)` looks for.
protocol ByteClass {
    /// The lanes where it may start, from a chunk and the chunk one byte
    /// further on; true lanes are then asked `holds` one by one.
    static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>>
    /// Whether it starts at `index`.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool
}
