/// A sentence's words, folded to lowercase ASCII and looked up in the
/// lexicon's vocabulary, with where each one is and which clause it is in,
/// so that a negation only reaches the words after it up to the next
/// comma, semicolon or colon. Read from the paragraph's bytes; a word with
/// other than ASCII letters and digits is folded as `ASCIIFolding` does.
/// One value is filled again for each sentence, keeping its memory.
struct PlacementTokens {
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
        /// The vocabulary's nodes of the word's first one, two and three bytes.
        var keys: (Int, Int, Int)
    }

    private(set) var tokens: [Token] = []
    private(set) var prefixes: [Int32] = []
    /// Whether every character read was a byte (offsets are then characters).
    private(set) var isASCII = true
    private var word: [UInt8] = []
    private var wordIsASCII = true

    var count: Int { tokens.count }

    subscript(index: Int) -> Token {
        @inline(__always) get { tokens[index] }
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

    /// Reads the words of the sentence at `range` of the paragraph.
    mutating func read(_ range: Range<Int>, of reader: TextReader, vocabulary: PlacementVocabulary) {
        tokens.removeAll(keepingCapacity: true)
        prefixes.removeAll(keepingCapacity: true)
        word.removeAll(keepingCapacity: true)
        isASCII = true
        var start = range.lowerBound
        var clause: Int32 = 0
        var previousWasLetter = false
        var offset = range.lowerBound
        while offset < range.upperBound {
            if reader.isASCIICharacter(at: offset) {
                let byte = reader.bytes[offset]
                let lower = byte | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    if word.isEmpty { start = offset }
                    word.append(byte >= 0x41 && byte <= 0x5A ? lower : byte)
                    previousWasLetter = true
                } else if byte == UInt8(ascii: "'") && previousWasLetter {
                    // "people's", "doesn't": one word without the apostrophe.
                } else {
                    finish(start: start, end: offset, clause: clause, vocabulary: vocabulary)
                    if Self.asciiClauseBreaks.contains(byte) { clause += 1 }
                    previousWasLetter = false
                }
                offset += 1
                continue
            }
            isASCII = false
            let (character, end) = reader.character(at: offset)
            if Self.isWordCharacter(character) {
                if word.isEmpty { start = offset }
                word += reader.bytes[offset..<end]
                wordIsASCII = false
                previousWasLetter = true
            } else if Self.apostrophes.contains(character) && previousWasLetter {
                // As above.
            } else {
                finish(start: start, end: offset, clause: clause, vocabulary: vocabulary)
                if Self.clauseBreaks.contains(character) { clause += 1 }
                previousWasLetter = false
            }
            offset = end
        }
        finish(start: start, end: range.upperBound, clause: clause, vocabulary: vocabulary)
    }

    private mutating func finish(start: Int, end: Int, clause: Int32, vocabulary: PlacementVocabulary) {
        guard !word.isEmpty else { return }
        if !wordIsASCII {
            word = Array(ASCIIFolding.fold(String(decoding: word, as: UTF8.self)).utf8)
            wordIsASCII = true
        }
        let prefixStart = Int32(prefixes.count)
        let (number, keys) = word.withUnsafeBufferPointer { vocabulary.lookUp($0, prefixes: &prefixes) }
        tokens.append(Token(word: number, clause: clause, start: Int32(start), end: Int32(end),
                            prefixStart: prefixStart, prefixEnd: Int32(prefixes.count), keys: keys))
        word.removeAll(keepingCapacity: true)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x30 && ascii <= 0x39) || (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A)
        }
        return character.isLetter || character.isNumber
    }

    private static let asciiClauseBreaks: [UInt8] = Array(",;:()\"".utf8)
    private static let apostrophes: Set<Character> = ["'", "’"]
    private static let clauseBreaks: Set<Character> = [",", ";", ":", "(", ")", "–", "—", "“", "”", "\""]

    /// A term's words, as patterns are written: split at spaces and hyphens.
    static func words(ofTerm term: String) -> [String] {
        term.split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            ASCIIFolding.fold(String($0)).filter { !apostrophes.contains($0) }
        }
    }
}
