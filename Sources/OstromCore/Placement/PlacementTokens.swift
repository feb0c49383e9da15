/// A sentence's words, folded to lowercase ASCII, with where each one is
/// (in characters) and which clause it is in, so that a negation only
/// reaches the words after it up to the next comma, semicolon or colon.
struct PlacementTokens {
    struct Token {
        var word: String
        /// Character offsets in the sentence.
        var range: Range<Int>
        var clause: Int
    }

    var tokens: [Token] = []

    init(_ sentence: String) {
        var word = ""
        var start = 0
        var clause = 0
        var offset = 0
        func finish() {
            if !word.isEmpty { tokens.append(Token(word: ASCIIFolding.fold(word), range: start..<offset, clause: clause)) }
            word = ""
        }
        var previousWasLetter = false
        for character in sentence {
            if Self.isWordCharacter(character) {
                if word.isEmpty { start = offset }
                word.append(character)
                previousWasLetter = true
            } else if Self.apostrophes.contains(character) && previousWasLetter {
                // "people's", "doesn't": one word without the apostrophe.
            } else {
                finish()
                if Self.clauseBreaks.contains(character) { clause += 1 }
                previousWasLetter = false
            }
            offset += 1
        }
        finish()
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x30 && ascii <= 0x39) || (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A)
        }
        return character.isLetter || character.isNumber
    }

    private static let apostrophes: Set<Character> = ["'", "’"]
    private static let clauseBreaks: Set<Character> = [",", ";", ":", "(", ")", "–", "—", "“", "”", "\""]

    /// A term's words, as patterns are written: split at spaces and hyphens.
    static func words(ofTerm term: String) -> [String] {
        term.split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            ASCIIFolding.fold(String($0)).filter { !apostrophes.contains($0) }
        }
    }
}
