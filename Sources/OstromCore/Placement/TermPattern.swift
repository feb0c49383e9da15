/// One term of the lexicon, compiled: a sequence of word patterns. A word
/// pattern is alternatives (`a|b`), each a word, a prefix (`word*`), any
/// word (`_`) or a group (`@lay`: any of the group's phrases).
struct TermPattern: Sendable {
    enum Alternative: Sendable {
        case word(String)
        case prefix(String)
        case anyWord
        case group([TermPattern])
    }

    typealias Element = [Alternative]

    var elements: [Element]

    init(_ term: String, groups: [String: [TermPattern]]) {
        elements = PlacementTokens.words(ofTerm: term).map { word in
            word.split(separator: "|").map { piece in
                if piece == "_" { return .anyWord }
                if piece.hasPrefix("@") { return .group(groups[String(piece.dropFirst())] ?? []) }
                if piece.hasSuffix("*") { return .prefix(String(piece.dropLast())) }
                return .word(String(piece))
            }
        }
    }

    /// Where a match starting at `start` ends (exclusive), the longest one.
    func matchEnd(in tokens: [PlacementTokens.Token], at start: Int) -> Int? {
        Self.matchEnd(elements[...], in: tokens, at: start)
    }

    private static func matchEnd(_ elements: ArraySlice<Element>, in tokens: [PlacementTokens.Token], at start: Int) -> Int? {
        guard let first = elements.first else { return start }
        guard start < tokens.count else { return nil }
        var best: Int?
        for alternative in first {
            for next in ends(of: alternative, in: tokens, at: start) {
                if let end = matchEnd(elements.dropFirst(), in: tokens, at: next), end > (best ?? -1) { best = end }
            }
        }
        return best
    }

    private static func ends(of alternative: Alternative, in tokens: [PlacementTokens.Token], at start: Int) -> [Int] {
        let word = tokens[start].word
        switch alternative {
        case .word(let expected): return word == expected ? [start + 1] : []
        case .prefix(let prefix): return word.hasPrefix(prefix) ? [start + 1] : []
        case .anyWord: return [start + 1]
        case .group(let phrases): return phrases.compactMap { $0.matchEnd(in: tokens, at: start) }
        }
    }

    /// Words a match's first word could be, for finding candidates fast:
    /// exact words and prefixes; `nil` when any word can start a match.
    var firstWords: (words: [String], prefixes: [String])? {
        Self.firstWords(of: elements.first ?? [])
    }

    private static func firstWords(of element: Element) -> (words: [String], prefixes: [String])? {
        var words: [String] = []
        var prefixes: [String] = []
        for alternative in element {
            switch alternative {
            case .word(let word): words.append(word)
            case .prefix(let prefix): prefixes.append(prefix)
            case .anyWord: return nil
            case .group(let phrases):
                for phrase in phrases {
                    guard let first = phrase.firstWords else { return nil }
                    words += first.words
                    prefixes += first.prefixes
                }
            }
        }
        return (words, prefixes)
    }
}
