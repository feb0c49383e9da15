/// The sentence of a record that best shows why it matched: the one with
/// the most distinct query terms, cut to a width around the first match.
public struct Snippet: Equatable, Sendable {
    public var text: String
    /// Where the matches are in `text`.
    public var highlights: [Range<String.Index>]

    /// The text with every match between « and ».
    public var marked: String {
        var result = ""
        var cursor = text.startIndex
        for range in highlights {
            result += text[cursor..<range.lowerBound] + "«" + text[range] + "»"
            cursor = range.upperBound
        }
        return result + text[cursor...]
    }

    public static func best(for record: Record, matching terms: MatchTerms, maximumLength: Int = 200) -> Snippet {
        let sources = ([record.abstract, record.body, record.bio] + record.translations.map(\.abstract)).compactMap { $0 }
        var tokenizer = SearchTokenizer()
        var best: (text: String, range: Range<Int>, score: Int)?
        // Per query word, the last sentence that counted it.
        var countedIn: [Int] = []
        var sentenceNumber = 0
        for source in sources {
            let matches = terms.byteMatches(in: source, tokenizer: &tokenizer)
            guard !matches.isEmpty else { continue }
            let words = 1 + matches.reduce(0) { max($0, $1.word) }
            if countedIn.count < words { countedIn += repeatElement(-1, count: words - countedIn.count) }
            // Sentences and matches are both in text order: one walk counts each sentence's distinct words.
            var next = 0
            for sentence in sentenceRanges(source) {
                sentenceNumber += 1
                while next < matches.count && matches[next].start < sentence.lowerBound { next += 1 }
                var found = 0
                while next < matches.count && matches[next].start < sentence.upperBound {
                    if countedIn[matches[next].word] != sentenceNumber {
                        countedIn[matches[next].word] = sentenceNumber
                        found += 1
                    }
                    next += 1
                }
                if found > (best?.score ?? 0) { best = (source, sentence, found) }
            }
        }
        let sentence: String
        if let best {
            sentence = Self.text(best.text, best.range)
        } else if let first = sources.first, let range = sentenceRanges(first).first {
            sentence = Self.text(first, range)
        } else {
            sentence = record.title
        }
        return cut(sentence, around: terms, maximumLength: maximumLength)
    }

    /// A byte range of a text, as a string of its own.
    private static func text(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)],
                      as: UTF8.self)
    }

    /// Byte ranges of the sentences of a text: ends at `.`, `?` or `!`
    /// before white space, at `。`, `？`, `！`, and at line ends.
    static func sentenceRanges(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { sentenceRanges(bytes: $0) }
    }

    /// The bytes that may end a sentence: a line end, `.`, `?`, `!`, and the
    /// lead bytes of `。`, `？` and `！`.
    private static let endsSentence: [Bool] = (0...255).map { [0x0A, 0x2E, 0x3F, 0x21, 0xE3, 0xEF].contains($0) }

    private static func sentenceRanges(bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            var low = start
            var high = end
            while low < high && (bytes[low] == 0x20 || bytes[low] == 0x0A || bytes[low] == 0x0D || bytes[low] == 0x09) { low += 1 }
            while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x0A || bytes[high - 1] == 0x0D) { high -= 1 }
            if low < high { ranges.append(low..<high) }
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !endsSentence[Int(byte)] {
                index += 1
                continue
            }
            if byte == 0x0A {
                close(index)
                start = index + 1
            } else if (byte == 0x2E || byte == 0x3F || byte == 0x21) && index + 1 < bytes.count && bytes[index + 1] == 0x20 {
                close(index + 1)
                start = index + 1
            } else if byte == 0xE3 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82
                        || byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x9F || bytes[index + 2] == 0x81) {
                close(index + 3)
                start = index + 3
                index += 2
            }
            index += 1
        }
        close(bytes.count)
        return ranges
    }

    /// The sentence, or a window of it that starts near the first match.
    private static func cut(_ sentence: String, around terms: MatchTerms, maximumLength: Int) -> Snippet {
        var text = sentence.whitespaceNormalised
        if text.count > maximumLength {
            // Centre the window on the matches when they fit in it, else start just before the first.
            let matches = terms.ranges(in: text)
            let first = matches.first.map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
            let last = matches.last.map { text.distance(from: text.startIndex, to: $0.upperBound) } ?? 0
            let span = last - first
            let lead = span <= maximumLength ? (maximumLength - span) / 2 : 20
            let start = max(0, min(first - lead, text.count - maximumLength))
            let lower = text.index(text.startIndex, offsetBy: start)
            let upper = text.index(lower, offsetBy: maximumLength)
            text = (start > 0 ? "…" : "") + text[lower..<upper] + (upper < text.endIndex ? "…" : "")
        }
        return Snippet(text: text, highlights: terms.ranges(in: text))
    }
}
