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

    /// Sentence ends: Latin punctuation followed by a space, CJK full stops.
    private static let terminators: Set<Character> = [".", "?", "!", "。", "？", "！"]

    public static func best(for record: Record, matching terms: MatchTerms, maximumLength: Int = 200) -> Snippet {
        let sources = ([record.abstract, record.body, record.bio] + record.translations.map(\.abstract)).compactMap { $0 }
        var best: (sentence: String, score: Int)?
        for source in sources {
            for sentence in sentences(source) {
                let found = Set(terms.ranges(in: sentence).map { ASCIIFolding.fold(String(sentence[$0])) }).count
                if found > (best?.score ?? 0) { best = (sentence, found) }
            }
        }
        let sentence = best?.sentence ?? sources.first.flatMap { sentences($0).first } ?? record.title
        return cut(sentence, around: terms, maximumLength: maximumLength)
    }

    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character.isNewline || (character.isWhitespace && previous.map(terminators.contains) == true) {
                if !current.trimmed.isEmpty { sentences.append(current.trimmed) }
                current = ""
            } else {
                current.append(character)
                if "。？！".contains(character) {
                    sentences.append(current.trimmed)
                    current = ""
                }
            }
            previous = character
        }
        if !current.trimmed.isEmpty { sentences.append(current.trimmed) }
        return sentences
    }

    /// The sentence, or a window of it that starts near the first match.
    private static func cut(_ sentence: String, around terms: MatchTerms, maximumLength: Int) -> Snippet {
        var text = sentence.whitespaceNormalised
        if text.count > maximumLength {
            let first = terms.ranges(in: text).first.map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
            let start = max(0, min(first - maximumLength / 4, text.count - maximumLength))
            let lower = text.index(text.startIndex, offsetBy: start)
            let upper = text.index(lower, offsetBy: maximumLength)
            text = (start > 0 ? "…" : "") + text[lower..<upper] + (upper < text.endIndex ? "…" : "")
        }
        return Snippet(text: text, highlights: terms.ranges(in: text))
    }
}
