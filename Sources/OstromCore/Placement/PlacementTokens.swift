/// A sentence's words, folded to lowercase ASCII and looked up in the
/// lexicon's vocabulary, with where each one is and which clause it is in,
/// so that a negation only reaches the words after it up to the next
/// comma, semicolon or colon. Read from the paragraph's bytes; a word with
/// other than ASCII letters and digits is folded as `ASCIIFolding` does.
/// One value is filled again for each sentence, keeping its memory.
struct PlacementTokens: ~Copyable {
    struct Token {
        /// The word's number in the vocabulary, -1 when the lexicon has no such word.
        var word: Int32
        var clause: Int32
        /// UTF-8 offsets in the paragraph.
        var start: Int32
        var end: Int32
        /// The prefixes the word starts with: `prefixes[prefixStart..<prefixEnd]`.
        var prefixStart: Int32
        var prefixEnd: Int32
        /// The first-word filters the word passes, a bit each (`PatternTable.addFilter`).
        var filters: UInt64
    }

    private var tokens = ScratchBuffer<Token>()
    private(set) var prefixes = ScratchBuffer<Int32>()
    /// Whether every character read was a byte (offsets are then characters).
    private(set) var isASCII = true
    /// The lexicon's words and prefixes the sentence has, a bit each
    /// (`PlacementVocabulary.item`), anywhere and negated or not.
    private var present = ScratchBuffer<UInt64>()
    /// What the lexicon's groups match at each word, worked out once per
    /// sentence: `groupEnds[group * count + word]`, a bit per phrase
    /// length and `GroupEnds.known` once worked out.
    var groupEnds = ScratchBuffer<UInt16>()

    var count: Int { tokens.count }

    subscript(index: Int) -> Token {
        @inline(__always) get { tokens[index] }
    }

    /// Whether the sentence has any of these words and prefixes (`PlacementVocabulary.item`).
    @inline(__always)
    func hasAny(_ items: Range<Int>, of list: UnsafePointer<Int32>) -> Bool {
        for index in items {
            let item = list[index]
            if present[Int(item) >> 6] & (1 << UInt64(item & 63)) != 0 { return true }
        }
        return false
    }

    @inline(__always)
    func hasPrefix(_ index: Int, _ prefix: Int32) -> Bool {
        let token = tokens[index]
        var position = Int(token.prefixStart)
        while position < Int(token.prefixEnd) {
            if prefixes[position] == prefix { return true }
            position += 1
        }
        return false
    }

    /// The word being read: where it started, its walk through the
    /// vocabulary, and whether a character other than an ASCII letter or
    /// digit joined it (its bytes are then kept in `unfolded`, to be
    /// folded and looked up whole).
    private struct Word {
        var start = -1
        var node = 0
        var prefixStart = 0
        var isUnfolded = false
    }

    private var unfolded: [UInt8] = []

    /// Reads the words of the sentence at `range` of the paragraph.
    mutating func read(_ range: Range<Int>, of reader: TextReader, table: PatternTable) {
        let vocabulary = table.vocabulary
        tokens.removeAll()
        prefixes.removeAll()
        present.refill(0, count: (vocabulary.itemCount + 63) >> 6)
        isASCII = true
        var word = Word()
        var clause: Int32 = 0
        var previousWasLetter = false
        var offset = range.lowerBound
        let bytes = reader.bytes
        while offset < range.upperBound {
            if reader.isASCIICharacter(at: offset) {
                let byte = bytes[offset]
                if vocabulary.letterClass(byte) != 0 {
                    previousWasLetter = true
                    if word.start < 0 {
                        word = Word(start: offset, node: 0, prefixStart: prefixes.count, isUnfolded: false)
                        vocabulary.startWord(prefixes: &prefixes)
                    }
                    guard !word.isUnfolded else {
                        unfolded.append(byte)
                        offset += 1
                        continue
                    }
                    // This letter and the rest of the run of ASCII letters
                    // and digits, at once.
                    var node = word.node
                    var next = offset
                    repeat {
                        node = vocabulary.step(node, letter: vocabulary.letterClass(bytes[next]), prefixes: &prefixes)
                        next += 1
                    } while node >= 0 && next < range.upperBound && vocabulary.letterClass(bytes[next]) != 0
                    // Once the walk has left the trie, the rest of the word is only passed over.
                    while next < range.upperBound && vocabulary.letterClass(bytes[next]) != 0 { next += 1 }
                    word.node = node
                    offset = next
                    if next < range.upperBound, bytes[next] >= 0x80, reader.characterEnd(at: next - 1) != next {
                        // The last letter is joined by what follows (an accent):
                        // the word is read again from there as characters.
                        unfold(&word, bytes[word.start..<next - 1])
                        offset = next - 1
                    }
                    continue
                } else if byte == UInt8(ascii: "'") && previousWasLetter {
                    // "people's", "doesn't": one word without the apostrophe.
                } else {
                    finish(&word, end: offset, clause: clause, table: table)
                    if Self.isClauseBreak(byte) { clause += 1 }
                    previousWasLetter = false
                }
                offset += 1
                continue
            }
            isASCII = false
            let (character, end) = reader.character(at: offset)
            if Self.isWordCharacter(character) {
                if word.start < 0 {
                    word = Word(start: offset, node: 0, prefixStart: prefixes.count, isUnfolded: false)
                    unfold(&word, bytes[offset..<offset])
                } else if !word.isUnfolded {
                    unfold(&word, bytes[word.start..<offset])
                }
                unfolded.append(contentsOf: bytes[offset..<end])
                previousWasLetter = true
            } else if Self.isApostrophe(character) && previousWasLetter {
                // As above.
            } else {
                finish(&word, end: offset, clause: clause, table: table)
                if Self.clauseBreaks.contains(character) { clause += 1 }
                previousWasLetter = false
            }
            offset = end
        }
        finish(&word, end: range.upperBound, clause: clause, table: table)
        groupEnds.refill(0, count: table.groupCount * tokens.count)
    }

    private mutating func finish(_ word: inout Word, end: Int, clause: Int32, table: PatternTable) {
        guard word.start >= 0 else { return }
        var number = table.vocabulary.number(at: word.node)
        if word.isUnfolded {
            number = table.vocabulary.lookUp(ASCIIFolding.fold(String(decoding: unfolded, as: UTF8.self)).utf8, prefixes: &prefixes)
        }
        let vocabulary = table.vocabulary
        var filters = table.filters(ofWord: number)
        if number >= 0 { mark(vocabulary.item(ofWord: number)) }
        for position in word.prefixStart..<prefixes.count {
            filters |= table.filters(ofPrefix: prefixes[position])
            mark(vocabulary.item(ofPrefix: prefixes[position]))
        }
        tokens.append(Token(word: number, clause: clause, start: Int32(word.start), end: Int32(end),
                            prefixStart: Int32(word.prefixStart), prefixEnd: Int32(prefixes.count), filters: filters))
        word.start = -1
    }

    @inline(__always)
    private mutating func mark(_ item: Int32) {
        present[Int(item) >> 6] |= 1 << UInt64(item & 63)
    }

    /// The word read so far, as written, kept without the apostrophes it
    /// was read past; what its walk found is forgotten.
    private mutating func unfold(_ word: inout Word, _ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        word.isUnfolded = true
        prefixes.removeAll(from: word.prefixStart)
        unfolded.removeAll(keepingCapacity: true)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "'") {
                index += 1
            } else if bytes[index] == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                index += 3
            } else {
                unfolded.append(bytes[index])
                index += 1
            }
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x30 && ascii <= 0x39) || (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A)
        }
        return character.isLetter || character.isNumber
    }

    @inline(__always)
    private static func isClauseBreak(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""): true
        default: false
        }
    }

    /// Compared, not hashed: a set of characters costs far more.
    private static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "’"
    }
    private static let clauseBreaks: Set<Character> = [",", ";", ":", "(", ")", "–", "—", "“", "”", "\""]

    /// A term's words, as patterns are written: split at spaces and hyphens.
    static func words(ofTerm term: String) -> [String] {
        // The lexicon's terms are ASCII: their bytes lowercased, quickly.
        if term.utf8.allSatisfy({ $0 < 0x80 }) {
            return term.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }).map { word in
                var folded: [UInt8] = []
                folded.reserveCapacity(word.count)
                for byte in word where byte != UInt8(ascii: "'") { folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                return String(decoding: folded, as: UTF8.self)
            }
        }
        return term.split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            ASCIIFolding.fold(String($0)).filter { !isApostrophe($0) }
        }
    }
}
