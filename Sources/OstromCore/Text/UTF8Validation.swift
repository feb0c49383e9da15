import Foundation

/// Where UTF-8 goes wrong, and where a NUL byte is, found sixteen ASCII
/// bytes at a time in one walk: a 200 MB library is checked without being
/// decoded into a String.
enum UTF8Validation {
    /// What a document's bytes hold that a text should not: the offset of
    /// its first NUL byte, and of the first byte that does not start or
    /// continue a well-formed sequence (overlong forms, surrogates and code
    /// points past U+10FFFF are ill-formed).
    struct Flaws: Equatable {
        var nul: Int?
        var invalid: Int?
    }

    /// The bytes' first NUL and first ill-formed sequence, in one walk. A
    /// large file is checked in parts, on all cores (a million entries,
    /// 2.2 GB: 0.4 s on one; looking for NUL bytes in a walk of its own
    /// took another 0.1 to 0.15 s on both).
    static func flaws(in bytes: UnsafeBufferPointer<UInt8>, partBytes: Int = partBytes) -> Flaws {
        let parts = max(1, bytes.count / partBytes)
        guard parts > 1 else { return flaws(in: bytes, from: 0, before: bytes.count) }
        // A part starts past the continuation bytes at its place (three at most: a
        // fourth is ill-formed whatever comes before), where no sequence begun
        // before it runs on: the walk from the start comes there as the part's begins.
        let starts = (0...parts).map { part in
            var start = bytes.count * part / parts
            for _ in 0..<3 where start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
            return start
        }
        let found = Array(0..<parts).parallelMap(minimumPerPart: 1) { part in
            flaws(in: bytes, from: starts[part], before: starts[part + 1])
        }
        return Flaws(nul: found.lazy.compactMap(\.nul).first, invalid: found.lazy.compactMap(\.invalid).first)
    }

    /// The bytes of a part (a smaller file is not worth the threads).
    static let partBytes = 8 << 20

    /// The first NUL in `start..<end` and the first ill-formed sequence
    /// that starts there (its bytes may run past `end`), walking from `start`.
    private static func flaws(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Flaws {
        // Bytes are looked at up to `end` only.
        let scanned = UnsafeBufferPointer(rebasing: bytes[..<end])
        var flaws = Flaws()
        var index = start
        while flaws.invalid == nil {
            index = flaws.nul == nil ? ByteScan.firstIndex(NonASCIIOrNUL.self, in: scanned, from: index)
                : ByteScan.firstIndex(NonASCII.self, in: scanned, from: index)
            guard index < end else { return flaws }
            if bytes[index] == 0 {
                flaws.nul = index
                index += 1
            } else if let length = sequenceLength(bytes, at: index) {
                index += length
            } else {
                flaws.invalid = index
            }
        }
        // Ill-formed bytes found: only a NUL is left to look for.
        if flaws.nul == nil, let base = bytes.baseAddress, index < end, let found = memchr(base + index, 0, end - index) {
            flaws.nul = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        return flaws
    }

    private enum NonASCII: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            (chunk & ByteScan.Chunk(repeating: 0x80)) .== ByteScan.Chunk(repeating: 0x80)
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            bytes[index] >= 0x80
        }
    }

    private enum NonASCIIOrNUL: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            ((chunk & ByteScan.Chunk(repeating: 0x80)) .== ByteScan.Chunk(repeating: 0x80)) .| (chunk .== ByteScan.Chunk(repeating: 0))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            bytes[index] >= 0x80 || bytes[index] == 0
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
