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
        /// Where the word's walk through the vocabulary ended
        /// (`PlacementVocabulary`), which gives its prefixes and the
        /// terms it can start.
        var ending: Int32
        /// The first-word filters the word passes, a bit each (`PatternTable.addFilter`).
        var filters: UInt64
    }

    private var tokens = ScratchBuffer<Token>()
    /// Whether every character of the sentence is a byte (offsets are then characters).
    private(set) var isASCII = true
    /// The endings of the sentence's words, a bit each, anywhere and
    /// negated or not: which of the lexicon's words and prefixes it has
    /// (`hasAny`). A bit per ending is set without a test per word, where
    /// a bit per word or prefix needed a loop over the word's.
    private var endingsPresent = ScratchBuffer<UInt64>()
    /// The sentence's words and prefixes folded into one number, a bit
    /// each (`signature(of:)`): a quick test before `hasAny`.
    private(set) var signature: UInt64 = 0
    /// The first-word filters some word of the sentence passes: a sentence
    /// with no word that can start a negation (most) is not looked through for one.
    private(set) var filtersPassed: UInt64 = 0
    /// The words that pass the filter `read` was given (the words a term
    /// can start at), in order: most words are passed over by not being here.
    private(set) var starts = ScratchBuffer<Int32>()
    /// What the lexicon's groups match at each word, worked out once per
    /// sentence: `groupEnds[group * count + word]`, a bit per phrase
    /// length and `GroupEnds.known` once worked out.
    var groupEnds = ScratchBuffer<UInt16>()

    var count: Int { tokens.count }

    subscript(index: Int) -> Token {
        @inline(__always) get { tokens[index] }
    }

    /// Words and prefixes (`PlacementVocabulary.item`) folded into one
    /// number: bit `item % 64` of each. A sentence that has one of them
    /// has a signature sharing a bit with theirs.
    static func signature(of items: [Int32]) -> UInt64 {
        items.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    }

    /// Whether the sentence has a word with one of the endings of the set
    /// at `sets + offset` (`PlacementVocabulary.EndingSets`).
    @inline(__always)
    func hasAny(_ sets: UnsafePointer<UInt64>, at offset: Int) -> Bool {
        var shared: UInt64 = 0
        for index in 0..<endingsPresent.count { shared |= endingsPresent[index] & sets[offset + index] }
        return shared != 0
    }

    /// The word being read: where it started, its walk through the
    /// vocabulary, and whether a character other than an ASCII letter or
    /// digit joined it (its bytes are then kept in `unfolded`, to be
    /// folded and looked up whole).
    private struct Word {
        var start = -1
        /// The walk's slot and its entry (`PlacementVocabulary.Steps`), and
        /// whether it has left the trie after them.
        var slot = 0
        var entry: UInt64 = 0
        var left = false
        var isUnfolded = false
    }

    private var unfolded: [UInt8] = []

    /// Reads the words of the sentence at `range` of the paragraph, and
    /// lists those passing the filter `starting` (`starts`).
    mutating func read(_ range: Range<Int>, of reader: TextReader, table: PatternTable, starting filter: Int) {
        tokens.removeAll()
        isASCII = true
        if reader.isPlainASCII(range) {
            readPlainASCII(range, of: reader.bytes, table: table)
        } else {
            readCharacters(range, of: reader, table: table)
        }
        describeWords(table, starting: filter)
        groupEnds.refill(0, count: table.groupCount * tokens.count)
    }

    /// The words of a sentence whose every byte is an ASCII character of
    /// its own (most sentences): a run of letters and digits, joined
    /// across apostrophes, is a word; anything else is between words.
    /// Only where each word is and its ending are read here (the fewer
    /// values this loop holds, the faster it goes); `describeWords` does the rest.
    mutating func readPlainASCII(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, table: PatternTable) {
        // Offsets are kept in 32 bits: checked once here, not at every word.
        precondition(range.upperBound <= Int(Int32.max), "a paragraph of more than 2 GB")
        let steps = table.vocabulary.steps
        typealias Steps = PlacementVocabulary.Steps
        let apostrophe = UInt8(ascii: "'")
        var clause: Int32 = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            var letter = steps.letterClass(bytes[offset])
            guard letter != 0 else {
                if Self.isClauseBreak(bytes[offset]) { clause += 1 }
                offset += 1
                continue
            }
            let start = offset
            // The walk through the vocabulary, from the root, along the
            // run of letters, until it ends or the walk leaves the trie; the
            // rest of the word is passed over at once.
            var slot = 0
            var entry = steps.root
            var left = false
            while true {
                let end = ByteScan.letterRunEnd(in: bytes, from: offset, limit: range.upperBound)
                if !left {
                    while steps.step(&slot, &entry, by: letter) {
                        offset &+= 1
                        guard offset < end else { break }
                        letter = steps.letterClass(bytes[offset])
                    }
                    left = offset < end
                }
                offset = end
                guard offset < range.upperBound, bytes[offset] == apostrophe else { break }
                // "people's", "doesn't": one word without the apostrophes,
                // which stay inside it when no letter follows them.
                while offset < range.upperBound && bytes[offset] == apostrophe { offset += 1 }
                guard offset < range.upperBound else { break }
                letter = steps.letterClass(bytes[offset])
                guard letter != 0 else { break }
            }
            let ending = Steps.ending(of: entry, leaving: left)
            tokens.append(Token(word: -1, clause: clause, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: offset),
                                ending: ending, filters: 0))
        }
    }

    /// The words of a sentence with characters of more than one byte, or
    /// bytes that may be joined: each read as the `Character` Swift sees.
    mutating func readCharacters(_ range: Range<Int>, of reader: TextReader, table: PatternTable) {
        let vocabulary = table.vocabulary
        let steps = vocabulary.steps
        var word = Word()
        var clause: Int32 = 0
        var previousWasLetter = false
        var offset = range.lowerBound
        let bytes = reader.bytes
        while offset < range.upperBound {
            if reader.isASCIICharacter(at: offset) {
                let byte = bytes[offset]
                if steps.letterClass(byte) != 0 {
                    previousWasLetter = true
                    if word.start < 0 { word = Word(start: offset, entry: steps.root) }
                    guard !word.isUnfolded else {
                        unfolded.append(byte)
                        offset += 1
                        continue
                    }
                    // This letter and the rest of the run of ASCII letters
                    // and digits, at once.
                    var next = offset
                    if !word.left {
                        var letter = steps.letterClass(byte)
                        while true {
                            guard steps.step(&word.slot, &word.entry, by: letter) else {
                                word.left = true
                                break
                            }
                            next += 1
                            guard next < range.upperBound else { break }
                            letter = steps.letterClass(bytes[next])
                            guard letter != 0 else { break }
                        }
                    }
                    // Once the walk has left the trie, the rest of the word is only passed over.
                    while next < range.upperBound && steps.letterClass(bytes[next]) != 0 { next += 1 }
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
                    finish(&word, end: offset, clause: clause, table: table, vocabulary: vocabulary)
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
                    word = Word(start: offset)
                    unfold(&word, bytes[offset..<offset])
                } else if !word.isUnfolded {
                    unfold(&word, bytes[word.start..<offset])
                }
                unfolded.append(contentsOf: bytes[offset..<end])
                previousWasLetter = true
            } else if Self.isApostrophe(character) && previousWasLetter {
                // As above.
            } else {
                finish(&word, end: offset, clause: clause, table: table, vocabulary: vocabulary)
                if Self.clauseBreaks.contains(character) { clause += 1 }
                previousWasLetter = false
            }
            offset = end
        }
        finish(&word, end: range.upperBound, clause: clause, table: table, vocabulary: vocabulary)
    }

    /// (`vocabulary` is the table's, passed on not to be copied for every word.)
    private mutating func finish(_ word: inout Word, end: Int, clause: Int32, table: PatternTable, vocabulary: PlacementVocabulary) {
        guard word.start >= 0 else { return }
        let ending = word.isUnfolded
            ? vocabulary.lookUp(ASCIIFolding.fold(String(decoding: unfolded, as: UTF8.self)).utf8)
            : PlacementVocabulary.Steps.ending(of: word.entry, leaving: word.left)
        tokens.append(Token(word: -1, clause: clause, start: Int32(word.start), end: Int32(end), ending: ending, filters: 0))
        word.start = -1
    }

    /// Each word's number and filters from its ending, the endings the
    /// sentence has (`endingsPresent`) and its signature, and the words
    /// passing the filter (`starts`): no test on the word but the loop's.
    private mutating func describeWords(_ table: PatternTable, starting filter: Int) {
        endingsPresent.refill(0, count: table.vocabulary.endingSetWords)
        signature = 0
        filtersPassed = 0
        starts.removeAll()
        starts.reserveCapacity(tokens.count)
        for position in 0..<tokens.count {
            let ending = tokens[position].ending
            let facts = table.facts(ofEnding: ending)
            endingsPresent[Int(ending) >> 6] |= 1 << UInt64(ending & 63)
            signature |= facts.signature
            tokens[position].word = facts.word
            tokens[position].filters = facts.filters
            filtersPassed |= facts.filters
            starts.append(Int32(truncatingIfNeeded: position), if: facts.filters & 1 << UInt64(filter) != 0)
        }
    }

    /// The word read so far, as written, kept without the apostrophes it
    /// was read past; what its walk found is forgotten.
    private mutating func unfold(_ word: inout Word, _ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        word.isUnfolded = true
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
        if let ascii = character.asciiValue { return ByteScan.isASCIILetterOrDigit(ascii) }
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
