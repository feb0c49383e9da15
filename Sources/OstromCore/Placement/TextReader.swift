/// A string read as UTF-8 bytes, a character at a time: an ASCII byte
/// that no other character joins is its own character and is read from
/// the bytes; anything else is read as the `Character` Swift sees there,
/// so that the placement engine reads text as `String` would, at the speed
/// of bytes. Valid only while the bytes are (inside `withUTF8`).
struct TextReader {
    let string: String
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether the character at `offset` is the ASCII byte there alone: a
    /// carriage return may start "\r\n", and a byte before a non-ASCII one
    /// may start a cluster (a letter and its accent).
    @inline(__always)
    func isASCIICharacter(at offset: Int) -> Bool {
        let byte = bytes[offset]
        return byte < 0x80 && byte != 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] < 0x80)
    }

    /// The character at `offset` (a character boundary) and where the next one starts.
    func character(at offset: Int) -> (character: Character, end: Int) {
        let index = string.utf8.index(string.utf8.startIndex, offsetBy: offset)
        let next = string.index(after: index)
        return (string[index], offset + string.utf8.distance(from: index, to: next))
    }

    /// Where the character at `offset` ends.
    @inline(__always)
    func characterEnd(at offset: Int) -> Int {
        isASCIICharacter(at: offset) ? offset + 1 : character(at: offset).end
    }

    /// Whether a character starts at `offset`: always after an ASCII byte
    /// other than a carriage return; otherwise Swift is asked.
    func isCharacterBoundary(_ offset: Int) -> Bool {
        if offset == 0 || offset == bytes.count { return true }
        let before = bytes[offset - 1]
        if before < 0x80 && before != 0x0D && bytes[offset] < 0x80 { return true }
        return string.utf8.index(string.utf8.startIndex, offsetBy: offset).samePosition(in: string) != nil
    }

    /// Whether the character at `offset` is exactly `ascii` (a full stop,
    /// not a full stop with an accent on it).
    func isCharacter(_ ascii: UInt8, at offset: Int) -> Bool {
        bytes[offset] == ascii && isCharacterBoundary(offset) && characterEnd(at: offset) == offset + 1
    }

    /// White space as `Character.isWhitespace` has it.
    func isWhitespace(at offset: Int) -> Bool {
        if isASCIICharacter(at: offset) { return WhiteSpace.isASCIISpace(bytes[offset]) }
        return character(at: offset).character.isWhitespace
    }

    /// The bytes of `range` as `String.trimmed` keeps them: ASCII white
    /// space and controls off both ends, and when an end is not ASCII, the
    /// Unicode white space off the ends of the whole range instead.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return start..<end }
        start = range.lowerBound
        end = range.upperBound
        while start < end, let length = whiteSpaceLength(at: start) { start += length }
        while end > start, let length = whiteSpaceLength(endingAt: end) { end -= length }
        return start..<end
    }

    /// The length of the white-space scalar (`CharacterSet.whitespacesAndNewlines`) at `offset`.
    private func whiteSpaceLength(at offset: Int) -> Int? {
        let length = Self.scalarLength(lead: bytes[offset])
        guard offset + length <= bytes.count else { return nil }
        return Self.isWhiteSpace(scalar(at: offset, length: length)) ? length : nil
    }

    /// The length of the white-space scalar that ends at `end`.
    private func whiteSpaceLength(endingAt end: Int) -> Int? {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let length = end - start
        return Self.isWhiteSpace(scalar(at: start, length: length)) ? length : nil
    }

    private func scalar(at offset: Int, length: Int) -> UInt32 {
        guard length > 1 else { return UInt32(bytes[offset]) }
        var value = UInt32(bytes[offset]) & (0xFF >> (length + 1))
        for index in offset + 1..<offset + length { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return value
    }

    private static func scalarLength(lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Foundation's `whitespacesAndNewlines`: tab, the line ends, and the space separators.
    private static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
