/// Unicode white space (White_Space) in UTF-8 bytes: found and collapsed
/// without making Characters, since every field of a large library passes
/// through here.
enum WhiteSpace {
    /// Whether the bytes hold no white space but single spaces between
    /// words: true for most fields, found sixteen bytes at a time.
    static func isNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        let found = ByteScan.firstIndex(Unnormalised.self, in: bytes, from: 0)
        return found == bytes.count
    }

    /// White space other than a single space between words.
    private enum Unnormalised: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            let space = ByteScan.Chunk(repeating: 0x20)
            // Control characters, the lead bytes of non-ASCII white space, and two spaces.
            let control = (chunk & ByteScan.Chunk(repeating: 0xE0)) .== ByteScan.Chunk(repeating: 0)
            let nonASCII = (chunk & ByteScan.Chunk(repeating: 0x80)) .== ByteScan.Chunk(repeating: 0x80)
            return control .| nonASCII .| ((chunk .== space) .& (next .== space))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            bytes[index] == 0x20 ? index + 1 < bytes.count && bytes[index + 1] == 0x20 : length(in: bytes, at: index) > 0
        }
    }

    /// Runs of white space collapsed to one space, the ends trimmed. The
    /// text between runs is copied a stretch at a time.
    static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = skipped(bytes, from: 0)
        while index < bytes.count {
            let run = ByteScan.firstIndex(Unnormalised.self, in: bytes, from: index)
            output.append(contentsOf: bytes[index..<run])
            guard run < bytes.count else { break }
            // A single space copied just before the run is part of it.
            while output.last == 0x20 { output.removeLast() }
            index = skipped(bytes, from: run)
            if index < bytes.count { output.append(0x20) }
        }
        while output.last == 0x20 { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the white space starting at `index` ends.
    private static func skipped(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < bytes.count {
            let length = length(in: bytes, at: index)
            if length == 0 { break }
            index += length
        }
        return index
    }

    /// Whether an ASCII byte is white space: space, tab, line feed,
    /// vertical tab, form feed, carriage return.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The length in bytes of the white space at `index`, or 0.
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return isASCIISpace(byte) ? 1 : 0 }
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return at(1) == 0xA0 || at(1) == 0x85 ? 2 : 0
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0
        case 0xE2:
            if at(1) == 0x80 { return (0x80...0x8A).contains(at(2)) || [0xA8, 0xA9, 0xAF].contains(at(2)) ? 3 : 0 }
            return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The part of `range` that `trimmed` keeps: ASCII white space and
    /// controls off both ends; when an end is then not ASCII, the white
    /// space of Foundation's `whitespacesAndNewlines` off the ends of the
    /// whole range instead (as `trimmingCharacters` did, scalar by scalar).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return start..<end }
        start = range.lowerBound
        end = range.upperBound
        while start < end {
            let length = scalarLength(lead: bytes[start])
            guard start + length <= end, isTrimmed(scalar(in: bytes, at: start, length: length)) else { break }
            start += length
        }
        while end > start {
            var first = end - 1
            while first > start, bytes[first] & 0xC0 == 0x80 { first -= 1 }
            guard isTrimmed(scalar(in: bytes, at: first, length: end - first)) else { break }
            end = first
        }
        return start..<end
    }

    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> UInt32 {
        guard length > 1 else { return UInt32(bytes[offset]) }
        var value = UInt32(bytes[offset]) & (0xFF >> (length + 1))
        for index in offset + 1..<offset + length { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return value
    }

    private static func scalarLength(lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Foundation's `whitespacesAndNewlines`: tab, the line ends, the space
    /// separators, and the zero-width space (which White_Space has not).
    private static func isTrimmed(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
