/// Splits text into sentences for evidence: at `.`, `!` and `?` followed by
/// a capital, a digit or an opening quote (not after an abbreviation or an
/// initial), at blank lines, and at line ends that do not fall inside a
/// hard-wrapped sentence (short lines and headings end one).
///
/// Read on the UTF-8 bytes: a paragraph of one line is read where it is in
/// the text; only one whose lines are joined is made a `String` of its
/// own. Sentences are byte ranges, made `String`s only when they are evidence.
enum Sentences {
    static func split(_ text: String) -> [String] {
        var collector = Collector()
        forEach(in: text, &collector)
        return collector.sentences
    }

    private struct Collector: SentenceVisitor {
        var sentences: [String] = []

        mutating func visit(_ reader: TextReader, _ sentence: Range<Int>) {
            sentences.append(String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[sentence]), as: UTF8.self))
        }
    }

    /// Gives `visitor` each sentence of the text: the text it is read
    /// from (the whole text, or a paragraph whose lines were joined by a
    /// space) and its UTF-8 range there, trimmed. (A visitor rather than
    /// a closure: its state is not copied for each sentence.)
    static func forEach<Visitor: SentenceVisitor & ~Copyable>(in text: String, _ visitor: inout Visitor) {
        var bytes = text
        bytes.withUTF8 { utf8 in
            let reader = TextReader(string: text, bytes: utf8)
            // The paragraph being read: its first line (trimmed), and once
            // another is joined to it, its lines' bytes joined by a space.
            var first: Range<Int>?
            var joined: [UInt8] = []
            var lastLine = 0..<0
            func endParagraph() {
                guard let line = first else { return }
                if joined.isEmpty && reader.isCharacterBoundary(line.lowerBound) {
                    splitProse(reader, line, &visitor)
                } else {
                    if joined.isEmpty { joined += utf8[line] }
                    splitJoined(joined, &visitor)
                }
                first = nil
                joined.removeAll(keepingCapacity: true)
            }
            // Lines joined where a sentence was wrapped, split where one ended.
            func take(_ line: Range<Int>) {
                let range = reader.trimmed(line)
                if range.isEmpty {
                    endParagraph()
                } else if let start = first, continues(reader, lastLine, with: range) {
                    if joined.isEmpty { joined += utf8[start] }
                    joined.append(UInt8(ascii: " "))
                    joined += utf8[range]
                } else {
                    endParagraph()
                    first = range
                }
                lastLine = range
            }
            var lineStart = 0
            while true {
                let lineEnd = ByteScan.firstIndex(LineEnd.self, in: utf8, from: lineStart)
                take(lineStart..<lineEnd)
                guard lineEnd < utf8.count else { break }
                lineStart = lineEnd + newlineLength(utf8, at: lineEnd)
            }
            endParagraph()
        }
    }

    /// Gives `visitor` the sentences of a paragraph whose lines were joined:
    /// read from the bytes when they are plain ASCII (most), from a
    /// `String` made of them otherwise.
    private static func splitJoined<Visitor: SentenceVisitor & ~Copyable>(_ joined: [UInt8], _ visitor: inout Visitor) {
        let isPlainASCII = joined.withUnsafeBufferPointer { TextReader(plainASCII: $0).isPlainASCII(0..<$0.count) }
        if isPlainASCII {
            joined.withUnsafeBufferPointer { splitProse(TextReader(plainASCII: $0), 0..<$0.count, &visitor) }
        } else {
            var paragraph = String(decoding: joined, as: UTF8.self)
            let text = paragraph
            paragraph.withUTF8 { splitProse(TextReader(string: text, bytes: $0), 0..<$0.count, &visitor) }
        }
    }

    /// A line end (`Character.isNewline`): a byte from 0x0A to 0x0D, U+0085, U+2028 or U+2029.
    private enum LineEnd: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            // The controls, and the lead bytes of the others.
            ((chunk &- ByteScan.Chunk(repeating: 0x0A)) .< ByteScan.Chunk(repeating: 4))
                .| (chunk .== ByteScan.Chunk(repeating: 0xC2)) .| (chunk .== ByteScan.Chunk(repeating: 0xE2))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            newlineLength(bytes, at: index) > 0
        }
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
    private static func continues(_ reader: TextReader, _ line: Range<Int>, with next: Range<Int>) -> Bool {
        guard line.count >= 60 else { return false }
        let bytes = reader.bytes
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // The last character: an ASCII byte after another is one alone.
        let last = bytes[line.upperBound - 1]
        let stops = if last < 0x80 && bytes[line.upperBound - 2] < 0x80 {
            !((last | 0x20 >= 0x61 && last | 0x20 <= 0x7A) || last == UInt8(ascii: ",") || last == UInt8(ascii: "-"))
        } else {
            text(line).last.map { !($0.isLetter || $0 == "," || $0 == "-") } ?? true
        }
        guard !stops else { return false }
        let first = next.lowerBound
        let goesOn = if bytes[first] < 0x80 && (next.count == 1 || bytes[first + 1] < 0x80) {
            (bytes[first] >= 0x61 && bytes[first] <= 0x7A) || (bytes[first] >= 0x30 && bytes[first] <= 0x39)
        } else {
            text(next).first.map { $0.isLowercase || $0.isNumber } ?? false
        }
        return goesOn && (bytes[line].allSatisfy { $0 < 0x80 } || text(line).count >= 60)
    }

    private static let abbreviations: Set<String> = ["e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "etc", "vs", "al", "no", "st", "cf", "fig", "vol", "pp", "ed", "eds"]
    /// The longest abbreviation's bytes: a longer word is none.
    private static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0
    /// The abbreviations' bytes, each in one number (`packed`): an ASCII
    /// word is compared without being made a `String`.
    private static let packedAbbreviations = abbreviations.map { packed($0.utf8) }

    /// Up to seven ASCII bytes and their count in one number, lowercased
    /// as `String.lowercased` does.
    private static func packed(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reduce(UInt64(bytes.count)) { $0 << 8 | UInt64($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
    }

    /// Gives `visitor` each sentence of the paragraph at `paragraph`.
    private static func splitProse<Visitor: SentenceVisitor & ~Copyable>(_ reader: TextReader, _ paragraph: Range<Int>, _ visitor: inout Visitor) {
        func found(_ range: Range<Int>) {
            let sentence = reader.trimmed(range)
            if !sentence.isEmpty { visitor.visit(reader, sentence) }
        }
        // The bytes up to the paragraph's end, at the reader's offsets.
        let scanned = UnsafeBufferPointer(rebasing: reader.bytes[..<paragraph.upperBound])
        let (stop, exclamation, question) = (UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"))
        var start = paragraph.lowerBound
        var index = paragraph.lowerBound
        while true {
            index = ByteScan.firstIndex(of: stop, exclamation, question, question, question, in: scanned, from: index)
            guard index < paragraph.upperBound else { break }
            if reader.isCharacter(reader.bytes[index], at: index), let end = sentenceEnd(reader, at: index, in: paragraph) {
                found(start..<end)
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < paragraph.upperBound { found(start..<paragraph.upperBound) }
    }

    /// Where the sentence whose `.`, `!` or `?` is at `index` ends (after
    /// its closing quotes and brackets), or `nil` when it goes on.
    private static func sentenceEnd(_ reader: TextReader, at index: Int, in paragraph: Range<Int>) -> Int? {
        let limit = paragraph.upperBound
        var next = index + 1
        // Closing quotes and brackets belong to the sentence they close.
        while next < limit, let end = closing(reader, at: next) { next = end }
        let end = next
        guard next < limit else { return end }
        guard reader.isWhitespace(at: next) else { return nil }
        while next < limit, reader.isWhitespace(at: next) { next = reader.characterEnd(at: next) }
        guard next < limit else { return end }
        guard opensSentence(reader, at: next) else { return nil }
        guard reader.bytes[index] == UInt8(ascii: ".") else { return end }
        return endsWithAbbreviation(reader, at: index, from: paragraph.lowerBound) ? nil : end
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

    /// An abbreviation, or an initial ("A. Hogg"), before the full stop at
    /// `index` (the paragraph starting at `paragraphStart`).
    private static func endsWithAbbreviation(_ reader: TextReader, at index: Int, from paragraphStart: Int) -> Bool {
        var start = index
        while start > paragraphStart, reader.bytes[start - 1] < 0x80, !WhiteSpace.isASCIISpace(reader.bytes[start - 1]) { start -= 1 }
        if start == paragraphStart || reader.bytes[start - 1] < 0x80 {
            // An ASCII word after an ASCII space (or the paragraph's start).
            let first = start < index ? reader.bytes[start] : 0
            if index - start == 1 && first >= 0x41 && first <= 0x5A { return true }
            guard index - start <= longestAbbreviation else { return false }
            return packedAbbreviations.contains(packed(reader.bytes[start..<index]))
        }
        // A word with other characters: as `String` reads it.
        let text = reader.string
        let utf8 = text.utf8
        let paragraph = text[utf8.index(utf8.startIndex, offsetBy: paragraphStart)..<utf8.index(utf8.startIndex, offsetBy: index)]
        let word = paragraph[(paragraph.lastIndex(where: \.isWhitespace).map { paragraph.index(after: $0) } ?? paragraph.startIndex)...]
        return abbreviations.contains(word.lowercased()) || (word.count == 1 && word.first?.isUppercase == true)
    }
}

/// What is given each sentence of a text, in order (`Sentences.forEach`).
protocol SentenceVisitor: ~Copyable {
    mutating func visit(_ reader: TextReader, _ sentence: Range<Int>)
}
