/// Where UTF-8 goes wrong, found sixteen ASCII bytes at a time: a 200 MB
/// library is checked without being decoded into a String.
enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a
    /// well-formed sequence (overlong forms, surrogates and code points
    /// past U+10FFFF are ill-formed), or nil when every byte is well-formed.
    /// A large file is checked in parts, on all cores (a million entries,
    /// 2.2 GB: 0.4 s on one).
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, partBytes: Int = partBytes) -> Int? {
        let parts = max(1, bytes.count / partBytes)
        guard parts > 1 else { return firstInvalidOffset(in: bytes, from: 0, before: bytes.count) }
        // A part starts past the continuation bytes at its place (three at most: a
        // fourth is ill-formed whatever comes before), where no sequence begun
        // before it runs on: the walk from the start comes there as the part's begins.
        let starts = (0...parts).map { part in
            var start = bytes.count * part / parts
            for _ in 0..<3 where start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
            return start
        }
        return Array(0..<parts).parallelMap(minimumPerPart: 1) { part in
            firstInvalidOffset(in: bytes, from: starts[part], before: starts[part + 1])
        }.lazy.compactMap { $0 }.first
    }

    /// The bytes of a part (a smaller file is not worth the threads).
    static let partBytes = 8 << 20

    /// The first ill-formed sequence that starts in `start..<end` (its
    /// bytes may run past `end`), walking from `start`.
    private static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        // Non-ASCII bytes are looked for up to `end` only.
        let scanned = UnsafeBufferPointer(rebasing: bytes[..<end])
        var index = start
        while true {
            index = ByteScan.firstIndex(NonASCII.self, in: scanned, from: index)
            guard index < end else { return nil }
            guard let length = sequenceLength(bytes, at: index) else { return index }
            index += length
        }
    }

    private enum NonASCII: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            (chunk & ByteScan.Chunk(repeating: 0x80)) .== ByteScan.Chunk(repeating: 0x80)
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            bytes[index] >= 0x80
        }
    }

    /// The length of the well-formed sequence at `index`, or nil.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        // The lead byte gives the length and the range of the second byte (Unicode, table 3-7).
        let (length, second): (Int, ClosedRange<UInt8>) = switch bytes[index] {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: (0, 0x80...0xBF)
        }
        guard length > 0, index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
