/// One term of the lexicon, compiled: a sequence of word patterns. A word
/// pattern is alternatives (`a|b`), each a word, a prefix (`word*`), any
/// word (`_`) or a group (`@lay`: any of the group's phrases).
struct TermPattern: Sendable {
    enum Alternative: Sendable {
        case word(String)
        case prefix(String)
        case anyWord
        case group(Group)
    }

    /// A group's phrases, with the words that can start one, so that most
    /// words are turned away without trying every phrase.
    struct Group: Sendable {
        var phrases: [TermPattern]
        var firstWords: Set<String> = []
        var firstPrefixes: [String] = []
        /// The prefixes by their first byte.
        private var prefixesByByte: [UInt8: [String]] = [:]
        var anyFirst = false

        init(_ phrases: [TermPattern]) {
            self.phrases = phrases
            for phrase in phrases {
                guard let first = phrase.firstWords else {
                    anyFirst = true
                    continue
                }
                firstWords.formUnion(first.words)
                firstPrefixes += first.prefixes
            }
            for prefix in firstPrefixes {
                guard let byte = prefix.utf8.first else {
                    anyFirst = true
                    continue
                }
                prefixesByByte[byte, default: []].append(prefix)
            }
        }

        func mayStart(with word: String) -> Bool {
            if anyFirst || firstWords.contains(word) { return true }
            guard let byte = word.utf8.first, let prefixes = prefixesByByte[byte] else { return false }
            return prefixes.contains { word.hasPrefix($0) }
        }
    }

    typealias Element = [Alternative]

    var elements: [Element]

    init(_ term: String, groups: [String: [TermPattern]]) {
        elements = PlacementTokens.words(ofTerm: term).map { word in
            word.split(separator: "|").map { piece in
                if piece == "_" { return .anyWord }
                if piece.hasPrefix("@") { return .group(Group(groups[String(piece.dropFirst())] ?? [])) }
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
        let word = tokens[start].word
        let rest = elements.dropFirst()
        var best: Int?
        func consider(_ next: Int) {
            if let end = matchEnd(rest, in: tokens, at: next), end > (best ?? -1) { best = end }
        }
        for alternative in first {
            switch alternative {
            case .word(let expected): if word == expected { consider(start + 1) }
            case .prefix(let prefix): if word.hasPrefix(prefix) { consider(start + 1) }
            case .anyWord: consider(start + 1)
            case .group(let group):
                guard group.mayStart(with: word) else { continue }
                for phrase in group.phrases {
                    if let next = phrase.matchEnd(in: tokens, at: start) { consider(next) }
                }
            }
        }
        return best
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
            case .group(let group):
                if group.anyFirst { return nil }
                words += group.firstWords
                prefixes += group.firstPrefixes
            }
        }
        return (words, prefixes)
    }
}
