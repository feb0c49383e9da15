/// A string read as UTF-8 bytes, a character at a time: an ASCII byte
/// that no other character joins is its own character and is read from
/// the bytes; anything else is read as the `Character` Swift sees there,
/// so that the placement engine reads text as `String` would, at the speed
/// of bytes. Valid only while the bytes are (inside `withUTF8`).
struct TextReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The bytes' text, when it was there to be given.
    private let text: String?

    init(string: String, bytes: UnsafeBufferPointer<UInt8>) {
        (text, self.bytes) = (string, bytes)
    }

    /// A reader of bytes that are all plain ASCII (`isPlainASCII`), read
    /// from the bytes alone: no `String` is made of them.
    init(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        (text, self.bytes) = (nil, bytes)
    }

    /// The text, as Swift reads what is not plain ASCII.
    var string: String { text ?? String(decoding: bytes, as: UTF8.self) }

    /// Whether the character at `offset` is the ASCII byte there alone: a
    /// carriage return may start "\r\n", and a byte before a non-ASCII one
    /// may start a cluster (a letter and its accent).
    @inline(__always)
    func isASCIICharacter(at offset: Int) -> Bool {
        let byte = bytes[offset]
        return byte < 0x80 && byte != 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] < 0x80)
    }

    /// Whether every byte of `range` is an ASCII character of its own: no
    /// byte of more than ASCII, no carriage return (which may start
    /// "\r\n"), and none after it that could join its last byte.
    func isPlainASCII(_ range: Range<Int>) -> Bool {
        let checked = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<min(range.upperBound + 1, bytes.count)])
        let (high, carriageReturn) = (ByteScan.Chunk(repeating: 0x80), ByteScan.Chunk(repeating: 0x0D))
        return !ByteScan.contains(in: checked, lanes: { ($0 .>= high) .| ($0 .== carriageReturn) }, byte: { $0 >= 0x80 || $0 == 0x0D })
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

    /// The bytes of `range` as `String.trimmed` keeps them.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        WhiteSpace.trimmed(bytes, range)
    }
}
