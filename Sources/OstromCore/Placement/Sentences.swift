/// Splits text into sentences for evidence: at `.`, `!` and `?` followed by
/// a capital, a digit or an opening quote (not after an abbreviation or an
/// initial), at blank lines, and at line ends that do not fall inside a
/// hard-wrapped sentence (short lines and headings end one).
///
/// Read on the UTF-8 bytes: the text is split into lines, lines joined
/// into paragraphs, and each paragraph's sentences found as byte ranges,
/// so that a sentence becomes a `String` only when it is evidence.
enum Sentences {
    /// A paragraph, its wrapped lines joined by a space, and its sentences
    /// (UTF-8 offsets in `text`, trimmed).
    struct Paragraph {
        var text: String
        var sentences: [Range<Int>]

        /// The sentence at `range` (UTF-8 offsets in `text`).
        func sentence(_ range: Range<Int>) -> String {
            var bytes = text
            return bytes.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
    }

    static func split(_ text: String) -> [String] {
        paragraphs(of: text).flatMap { paragraph in paragraph.sentences.map(paragraph.sentence) }
    }

    static func paragraphs(of text: String) -> [Paragraph] {
        joinedLines(of: text).map { text in
            var bytes = text
            let sentences = bytes.withUTF8 { splitProse(TextReader(string: text, bytes: $0)) }
            return Paragraph(text: text, sentences: sentences)
        }
    }

    /// Lines joined where a sentence was wrapped, split where one ended.
    private static func joinedLines(of text: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var lastLine = ""
        var bytes = text
        bytes.withUTF8 { utf8 in
            let reader = TextReader(string: text, bytes: utf8)
            func take(_ line: Range<Int>) {
                let range = reader.trimmed(line)
                let trimmed = String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self)
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
            var lineStart = 0
            var index = 0
            while index < utf8.count {
                // Most bytes are neither a line end nor the lead byte of one.
                if utf8[index] &- 0x0E < 0xC2 - 0x0E {
                    index += 1
                    continue
                }
                let length = newlineLength(utf8, at: index)
                guard length > 0 else {
                    index += 1
                    continue
                }
                take(lineStart..<index)
                index += length
                lineStart = index
            }
            take(lineStart..<utf8.count)
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// The bytes of the line end at `index` (`Character.isNewline`, "\r\n" as one), 0 when none.
    @inline(__always)
    private static func newlineLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        if byte >= 0x0A && byte <= 0x0D {
            return byte == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A ? 2 : 1
        }
        if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] == 0x85 { return 2 }
        if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 { return 3 }
        return 0
    }

    /// Whether the next line carries on the sentence of a wrapped paragraph:
    /// the line before is long and stops mid-sentence, the next goes on in
    /// lower case.
    private static func continues(_ line: String, with next: String) -> Bool {
        guard line.utf8.count >= 60, let end = line.last, let start = next.first,
              (end.isLetter || end == "," || end == "-") && (start.isLowercase || start.isNumber) else { return false }
        return line.utf8.allSatisfy { $0 < 0x80 } || line.count >= 60
    }

    private static let abbreviations: Set<String> = ["e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "etc", "vs", "al", "no", "st", "cf", "fig", "vol", "pp", "ed", "eds"]

    /// `.`, `!` and `?`, a bit each.
    private static var sentenceStops: UInt64 { 1 << UInt64(UInt8(ascii: ".")) | 1 << UInt64(UInt8(ascii: "!")) | 1 << UInt64(UInt8(ascii: "?")) }

    private static func splitProse(_ reader: TextReader) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < reader.count {
            let byte = reader.bytes[index]
            if byte < 64, Self.sentenceStops & (1 << UInt64(byte)) != 0,
               reader.isCharacter(byte, at: index), let end = sentenceEnd(reader, at: index) {
                append(start..<end, of: reader, to: &sentences)
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < reader.count { append(start..<reader.count, of: reader, to: &sentences) }
        return sentences
    }

    private static func append(_ range: Range<Int>, of reader: TextReader, to sentences: inout [Range<Int>]) {
        let sentence = reader.trimmed(range)
        if !sentence.isEmpty { sentences.append(sentence) }
    }

    /// Where the sentence whose `.`, `!` or `?` is at `index` ends (after
    /// its closing quotes and brackets), or `nil` when it goes on.
    private static func sentenceEnd(_ reader: TextReader, at index: Int) -> Int? {
        var next = index + 1
        // Closing quotes and brackets belong to the sentence they close.
        while next < reader.count, let end = closing(reader, at: next) { next = end }
        let end = next
        guard next < reader.count else { return end }
        guard reader.isWhitespace(at: next) else { return nil }
        while next < reader.count, reader.isWhitespace(at: next) { next = reader.characterEnd(at: next) }
        guard next < reader.count else { return end }
        guard opensSentence(reader, at: next) else { return nil }
        guard reader.bytes[index] == UInt8(ascii: ".") else { return end }
        return endsWithAbbreviation(reader, at: index) ? nil : end
    }

    /// Where a closing quote or bracket at `offset` ends, if there is one.
    private static func closing(_ reader: TextReader, at offset: Int) -> Int? {
        if reader.isASCIICharacter(at: offset) {
            let byte = reader.bytes[offset]
            let isClosing = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
            return isClosing ? offset + 1 : nil
        }
        let (character, end) = reader.character(at: offset)
        return "\"'”’)]".contains(character) ? end : nil
    }

    /// A capital, a digit, an opening quote or bracket, a bullet or a dash.
    private static func opensSentence(_ reader: TextReader, at offset: Int) -> Bool {
        if reader.isASCIICharacter(at: offset) {
            let byte = reader.bytes[offset]
            return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || "\"'([-".utf8.contains(byte)
        }
        let character = reader.character(at: offset).character
        return character.isUppercase || character.isNumber || "\"'“‘([•-–".contains(character)
    }

    /// An abbreviation, or an initial ("A. Hogg"), before the full stop at `index`.
    private static func endsWithAbbreviation(_ reader: TextReader, at index: Int) -> Bool {
        var start = index
        while start > 0, reader.bytes[start - 1] < 0x80, !TextReader.isASCIIWhitespace(reader.bytes[start - 1]) { start -= 1 }
        if start == 0 || reader.bytes[start - 1] < 0x80 {
            // An ASCII word after an ASCII space (or the paragraph's start).
            let word = String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[start..<index]), as: UTF8.self)
            let first = start < index ? reader.bytes[start] : 0
            return abbreviations.contains(word.lowercased()) || (index - start == 1 && first >= 0x41 && first <= 0x5A)
        }
        // A word with other characters: as `String` reads it.
        let text = reader.string
        let end = text.utf8.index(text.utf8.startIndex, offsetBy: index)
        let wordStart = text[..<end].lastIndex(where: \.isWhitespace).map { text.index(after: $0) } ?? text.startIndex
        let word = text[wordStart..<end]
        return abbreviations.contains(word.lowercased()) || (word.count == 1 && word.first?.isUppercase == true)
    }
}
