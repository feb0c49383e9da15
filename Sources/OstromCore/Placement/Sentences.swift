/// Splits text into sentences for evidence: at `.`, `!` and `?` followed by
/// a capital, a digit or an opening quote (not after an abbreviation or an
/// initial), at blank lines, and at line ends that do not fall inside a
/// hard-wrapped sentence (short lines and headings end one).
enum Sentences {
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        for paragraph in paragraphs(of: text) {
            sentences += splitProse(paragraph)
        }
        return sentences
    }

    /// Lines joined where a sentence was wrapped, split where one ended.
    private static func paragraphs(of text: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var lastLine = ""
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmed
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
            } else if current.isEmpty {
                current = trimmed
            } else if continues(lastLine, with: trimmed) {
                current += " " + trimmed
            } else {
                paragraphs.append(current)
                current = trimmed
            }
            lastLine = trimmed
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Whether the next line carries on the sentence of a wrapped paragraph:
    /// the line before is long and stops mid-sentence, the next goes on in
    /// lower case.
    private static func continues(_ line: String, with next: String) -> Bool {
        guard line.count >= 60, let end = line.last, let start = next.first else { return false }
        return (end.isLetter || end == "," || end == "-") && (start.isLowercase || start.isNumber)
    }

    private static let abbreviations: Set<String> = ["e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "etc", "vs", "al", "no", "st", "cf", "fig", "vol", "pp", "ed", "eds"]

    private static func splitProse(_ paragraph: String) -> [String] {
        let characters = Array(paragraph)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?", let end = sentenceEnd(characters, at: index) {
                append(characters[start...end], to: &sentences)
                start = end + 1
                index = end
            }
            index += 1
        }
        if start < characters.count { append(characters[start...], to: &sentences) }
        return sentences
    }

    private static func append(_ characters: ArraySlice<Character>, to sentences: inout [String]) {
        let sentence = String(characters).trimmed
        if !sentence.isEmpty { sentences.append(sentence) }
    }

    /// Where the sentence whose `.`, `!` or `?` is at `index` ends (its
    /// closing quotes and brackets included), or `nil` when it goes on.
    private static func sentenceEnd(_ characters: [Character], at index: Int) -> Int? {
        var next = index + 1
        // Closing quotes and brackets belong to the sentence they close.
        while next < characters.count, "\"'”’)]".contains(characters[next]) { next += 1 }
        let end = next - 1
        guard next < characters.count else { return end }
        guard characters[next].isWhitespace else { return nil }
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return end }
        let following = characters[next]
        guard following.isUppercase || following.isNumber || "\"'“‘([•-–".contains(following) else { return nil }
        guard characters[index] == "." else { return end }
        var wordStart = index
        while wordStart > 0, !characters[wordStart - 1].isWhitespace { wordStart -= 1 }
        let word = String(characters[wordStart..<index]).lowercased()
        // An abbreviation, or an initial ("A. Hogg").
        if abbreviations.contains(word) || (word.count == 1 && characters[index - 1].isUppercase) { return nil }
        return end
    }
}
