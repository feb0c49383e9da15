/// A 64-bit hash of a text's bytes and length, eight bytes at a time: what
/// kept placements are filed under (`PlacementFile.key`). A text kept
/// compressed has its hash made as it is compressed (`LongTextStore`), so
/// that a record's key is found without decompressing its text.
enum TextHash {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = seed
        mix(&hash, UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(&hash, UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for byte in bytes[offset...].reversed() { tail = tail << 8 | UInt64(byte) }
        mix(&hash, tail)
        return hash
    }

    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of($0) }
    }

    @inline(__always)
    static func mix(_ hash: inout UInt64, _ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
    }
}
