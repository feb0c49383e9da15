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
        var sentences: [String] = []
        var start = paragraph.startIndex
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            if character == "." || character == "!" || character == "?", let end = sentenceEnd(paragraph, at: index) {
                append(paragraph[start..<end], to: &sentences)
                start = end
                index = end
            } else {
                index = paragraph.index(after: index)
            }
        }
        if start < paragraph.endIndex { append(paragraph[start...], to: &sentences) }
        return sentences
    }

    private static func append(_ text: Substring, to sentences: inout [String]) {
        let sentence = text.trimmed
        if !sentence.isEmpty { sentences.append(sentence) }
    }

    /// Where the sentence whose `.`, `!` or `?` is at `index` ends (after
    /// its closing quotes and brackets), or `nil` when it goes on.
    private static func sentenceEnd(_ text: String, at index: String.Index) -> String.Index? {
        var next = text.index(after: index)
        // Closing quotes and brackets belong to the sentence they close.
        while next < text.endIndex, "\"'”’)]".contains(text[next]) { next = text.index(after: next) }
        let end = next
        guard next < text.endIndex else { return end }
        guard text[next].isWhitespace else { return nil }
        while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
        guard next < text.endIndex else { return end }
        let following = text[next]
        guard following.isUppercase || following.isNumber || "\"'“‘([•-–".contains(following) else { return nil }
        guard text[index] == "." else { return end }
        let wordStart = text[..<index].lastIndex(where: \.isWhitespace).map { text.index(after: $0) } ?? text.startIndex
        let word = text[wordStart..<index]
        // An abbreviation, or an initial ("A. Hogg").
        if abbreviations.contains(word.lowercased()) || (word.count == 1 && word.first?.isUppercase == true) { return nil }
        return end
    }
}
