/// The lexicon's terms compiled into one table of numbers. A term is a
/// sequence of word patterns; a word pattern is alternatives (`a|b`),
/// each a word, a prefix (`word*`), any word (`_`) or a group (`@lay`: any
/// of the group's phrases). Words and prefixes are the vocabulary's
/// numbers, so matching compares integers and copies nothing.
struct PatternTable: Sendable {
    enum Alternative: Sendable {
        case word(Int32)
        case prefix(Int32)
        case anyWord
        case group(Int32)
    }

    private var alternatives: [Alternative] = []
    /// Each word pattern's alternatives: `alternatives[elements[e]..<elements[e + 1]]`.
    private var elements: [Int32] = [0]
    /// Each pattern's word patterns: `elements[patterns[p]..<patterns[p + 1]]` (indices of `elements`).
    private var patterns: [Int32] = [0]
    /// Each group's phrases: `groupPhrases[groupBounds[g]..<groupBounds[g + 1]]`.
    private var groupPhrases: [Int32] = []
    private var groupBounds: [Int32] = [0]
    /// Each group's filter of its phrases' first words.
    private var groupFilters: [Int32] = []
    var groupCount: Int { groupFilters.count }
    /// Every group's phrases by their first words.
    private var groupIndex: FirstWordIndex<GroupPhrase>

    private struct GroupPhrase {
        var group: Int
        var phrase: Int
    }
    /// Filters of what a pattern's first word can be, to pass over other
    /// words fast: each filter is a bit, set in the masks of the words and
    /// prefixes it takes (a word's mask is its own and its prefixes'), or
    /// in `anyWordFilters` when it takes any word.
    private var wordFilters: [UInt64]
    private var prefixFilters: [UInt64]
    private var anyWordFilters: UInt64 = 0
    private var filterCount = 0
    /// What a word with each ending is (`PlacementVocabulary`), worked
    /// out by `seal()` once every filter is added.
    private var endingFacts = FactsTable(facts: [])
    private(set) var vocabulary: PlacementVocabulary
    private var groupNumbers: [String: Int32]
    /// The pieces of the terms and phrases given to `init`, parsed once
    /// for both the vocabulary and `add`; let go by `seal()`.
    private var parsedTerms: [String: [[Piece]]] = [:]
    /// Each group's phrases' first words, worked out once its phrases are in.
    private var groupFirstWords: [FirstWords] = []
    private typealias FirstWords = (anyWord: Bool, words: Set<Int32>, prefixes: Set<Int32>)

    /// A table for terms made of the words of `terms` (to be added, then,
    /// with `add`) and for the groups' phrases, by the groups' names.
    init(terms: [String], groups: [String: [String]]) {
        var parsed: [String: [[Piece]]] = [:]
        for term in terms + groups.values.flatMap({ $0 }) where parsed[term] == nil { parsed[term] = Self.pieces(ofTerm: term) }
        let (words, prefixes) = Self.vocabulary(of: parsed.values)
        vocabulary = PlacementVocabulary(words: words, prefixes: prefixes)
        parsedTerms = parsed
        wordFilters = [UInt64](repeating: 0, count: Int(vocabulary.wordCount))
        prefixFilters = [UInt64](repeating: 0, count: Int(vocabulary.prefixCount))
        groupIndex = .empty
        groupNumbers = [:]
        var numbers: [String: Int32] = [:]
        for (name, phrases) in groups.sorted(by: { $0.key < $1.key }) {
            // Groups name plain phrases only, so they compile without groups.
            let members = phrases.map { add($0) }
            for member in members {
                precondition(Int(patterns[member + 1] - patterns[member]) <= GroupEnds.longestPhrase, "@\(name): a phrase too long")
            }
            numbers[name] = Int32(groupFilters.count)
            groupPhrases += members.map(Int32.init)
            groupBounds.append(Int32(groupPhrases.count))
            groupFilters.append(Int32(addFilter(members)))
        }
        groupNumbers = numbers
        groupFirstWords = (0..<groupFilters.count).map { group in
            firstWords(of: groupPhrases[Int(groupBounds[group])..<Int(groupBounds[group + 1])].map(Int.init))
        }
        let table = self
        groupIndex = FirstWordIndex(vocabulary: vocabulary) { file in
            for group in 0..<table.groupFilters.count {
                for phrase in table.groupPhrases[Int(table.groupBounds[group])..<Int(table.groupBounds[group + 1])] {
                    for route in table.routes(of: Int(phrase)) { file(GroupPhrase(group: group, phrase: Int(phrase)), route) }
                }
            }
        }
    }

    /// Every word and prefix written in these terms (and the groups' phrases).
    private static func vocabulary(of terms: some Sequence<[[Piece]]>) -> (words: [String], prefixes: [String]) {
        var words: Set<String> = []
        var prefixes: Set<String> = []
        for term in terms {
            for piece in term.joined() {
                switch piece {
                case .word(let word): words.insert(word)
                case .prefix(let prefix): prefixes.insert(prefix)
                case .anyWord, .group: break
                }
            }
        }
        return (words.sorted(), prefixes.sorted())
    }

    /// One alternative of a word pattern, as written.
    private enum Piece {
        case word(String)
        case prefix(String)
        case anyWord
        case group(String)
    }

    /// A term's word patterns and each one's alternatives (`a|b`), read
    /// on the bytes of its words.
    private static func pieces(ofTerm term: String) -> [[Piece]] {
        PlacementTokens.words(ofTerm: term).map { word in
            word.utf8.split(separator: UInt8(ascii: "|")).map { bytes in
                if bytes.elementsEqual("_".utf8) { return .anyWord }
                if bytes.first == UInt8(ascii: "@") { return .group(String(decoding: bytes.dropFirst(), as: UTF8.self)) }
                if bytes.last == UInt8(ascii: "*") { return .prefix(String(decoding: bytes.dropLast(), as: UTF8.self)) }
                return .word(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// Compiles a term; its number.
    mutating func add(_ term: String) -> Int {
        for word in parsedTerms[term] ?? Self.pieces(ofTerm: term) {
            for piece in word {
                switch piece {
                case .anyWord:
                    alternatives.append(.anyWord)
                case .group(let name):
                    alternatives.append(.group(groupNumbers[name] ?? -1))
                case .prefix(let prefix):
                    alternatives.append(.prefix(vocabulary.number(ofPrefix: prefix)))
                case .word(let word):
                    let number = vocabulary.number(ofWord: word)
                    precondition(number >= 0, "“\(word)” is not in the placement vocabulary")
                    alternatives.append(.word(number))
                }
            }
            elements.append(Int32(alternatives.count))
        }
        patterns.append(Int32(elements.count - 1))
        return patterns.count - 2
    }

    /// A filter of what the first words of these patterns can be; its number.
    mutating func addFilter(_ patterns: [Int]) -> Int {
        precondition(filterCount < 64, "more than 64 filters of first words")
        precondition(endingFacts.facts.isEmpty, "a filter added after the table was sealed")
        let bit: UInt64 = 1 << UInt64(filterCount)
        let (anyWord, words, prefixes) = firstWords(of: patterns)
        if anyWord { anyWordFilters |= bit }
        for word in words { wordFilters[Int(word)] |= bit }
        for prefix in prefixes { prefixFilters[Int(prefix)] |= bit }
        filterCount += 1
        return filterCount - 1
    }

    /// Works out what each ending's words pass, once every filter and
    /// term is added.
    mutating func seal() {
        parsedTerms = [:]
        endingFacts = FactsTable(facts: (0..<Int32(vocabulary.endingCount)).map { ending in
            let items = vocabulary.items(ofEnding: ending)
            let filters = items.reduce(anyWordFilters) { mask, index in
                let item = vocabulary.item(at: index)
                return mask | (item < vocabulary.wordCount ? wordFilters[Int(item)] : prefixFilters[Int(item - vocabulary.wordCount)])
            }
            let signature = PlacementTokens.signature(of: items.map { vocabulary.item(at: $0) })
            return EndingFacts(filters: filters, signature: signature, word: vocabulary.word(ofEnding: ending))
        })
    }

    /// What a word with this ending is: read for every word of every sentence.
    @inline(__always)
    func facts(ofEnding ending: Int32) -> EndingFacts {
        endingFacts.facts[Int(ending)]
    }

    /// Each ending's facts in memory of their own, read without bounds
    /// checks. Written once, in `seal()`, and only read after: safe to share.
    private final class FactsTable: @unchecked Sendable {
        let facts: UnsafeMutableBufferPointer<EndingFacts>

        init(facts: [EndingFacts]) {
            self.facts = .allocate(capacity: facts.count)
            _ = self.facts.initialize(from: facts)
        }

        deinit { facts.deallocate() }
    }

    /// The words and prefixes the first words of these patterns can be,
    /// and whether any word can.
    private func firstWords(of patterns: [Int]) -> FirstWords {
        var anyWord = false
        var words: Set<Int32> = []
        var prefixes: Set<Int32> = []
        for pattern in patterns {
            let first = Int(self.patterns[pattern])
            guard first < Int(self.patterns[pattern + 1]) else { continue }
            let inner = firstWords(ofElement: first)
            anyWord = anyWord || inner.anyWord
            words.formUnion(inner.words)
            prefixes.formUnion(inner.prefixes)
        }
        return (anyWord, words, prefixes)
    }

    /// The words and prefixes a word pattern (`elements[element]`) can
    /// start with, and whether any word can.
    private func firstWords(ofElement element: Int) -> FirstWords {
        var anyWord = false
        var words: Set<Int32> = []
        var prefixes: Set<Int32> = []
        for index in Int(elements[element])..<Int(elements[element + 1]) {
            switch alternatives[index] {
            case .word(let word): if word >= 0 { words.insert(word) }
            case .prefix(let prefix): prefixes.insert(prefix)
            case .anyWord: anyWord = true
            case .group(let group):
                guard group >= 0 else { continue }
                let inner = groupFirstWords[Int(group)]
                anyWord = anyWord || inner.anyWord
                words.formUnion(inner.words)
                prefixes.formUnion(inner.prefixes)
            }
        }
        return (anyWord, words, prefixes)
    }

    /// Whether the word at `index` can start a match of a pattern the
    /// filter was made for.
    @inline(__always)
    func mayStart(_ filter: Int, _ tokens: borrowing PlacementTokens, at index: Int) -> Bool {
        tokens[index].filters & (1 << UInt64(filter)) != 0
    }

    /// Whether some word of the sentence can.
    @inline(__always)
    func maySomewhereStart(_ filter: Int, _ tokens: borrowing PlacementTokens) -> Bool {
        tokens.filtersPassed & (1 << UInt64(filter)) != 0
    }

    /// Where a match of `pattern` starting at word `start` ends
    /// (exclusive), the longest one; -1 when none does.
    func matchEnd(_ pattern: Int, in tokens: inout PlacementTokens, at start: Int) -> Int {
        matchEnd(elements: Int(patterns[pattern]), to: Int(patterns[pattern + 1]), in: &tokens, at: start)
    }

    private func matchEnd(elements first: Int, to last: Int, in tokens: inout PlacementTokens, at start: Int) -> Int {
        guard first < last else { return start }
        guard start < tokens.count else { return -1 }
        let token = tokens[start]
        var best = -1
        for index in Int(elements[first])..<Int(elements[first + 1]) {
            switch alternatives[index] {
            case .word(let word):
                if token.word == word { best = max(best, matchEnd(elements: first + 1, to: last, in: &tokens, at: start + 1)) }
            case .prefix(let prefix):
                if vocabulary.hasPrefix(token.ending, prefix) { best = max(best, matchEnd(elements: first + 1, to: last, in: &tokens, at: start + 1)) }
            case .anyWord:
                best = max(best, matchEnd(elements: first + 1, to: last, in: &tokens, at: start + 1))
            case .group(let group):
                guard group >= 0, mayStart(Int(groupFilters[Int(group)]), tokens, at: start) else { continue }
                var lengths = groupEnds(Int(group), in: &tokens, at: start) & ~GroupEnds.known
                while lengths != 0 {
                    let length = lengths.trailingZeroBitCount
                    lengths &= lengths - 1
                    best = max(best, matchEnd(elements: first + 1, to: last, in: &tokens, at: start + length))
                }
            }
        }
        return best
    }

    /// The lengths of the group's phrases found at word `start`, a bit
    /// each. Worked out for every group the first time one is asked for
    /// at a word of the sentence, from the phrases that word can start.
    private func groupEnds(_ group: Int, in tokens: inout PlacementTokens, at start: Int) -> UInt16 {
        let count = tokens.count
        if tokens.groupEnds[group * count + start] == 0 {
            for other in 0..<groupFilters.count { tokens.groupEnds[other * count + start] = GroupEnds.known }
            findGroupPhrases(groupIndex.entries(ofEnding: tokens[start].ending), in: &tokens, at: start)
        }
        return tokens.groupEnds[group * count + start]
    }

    private func findGroupPhrases(_ entries: Range<Int>, in tokens: inout PlacementTokens, at start: Int) {
        for index in entries {
            let entry = groupIndex[index]
            let end = matchEnd(entry.phrase, in: &tokens, at: start)
            if end >= 0 { tokens.groupEnds[entry.group * tokens.count + start] |= 1 << UInt16(end - start) }
        }
    }

    /// A group's phrases are words without groups: each matches as many
    /// words as it has, and its length fits a bit of `UInt16`.
    enum GroupEnds {
        static let known: UInt16 = 1 << 15
        static let longestPhrase = 14
    }

    /// Where a pattern is filed in a `FirstWordIndex`: under any word when
    /// any word can start it, otherwise under each word and prefix its
    /// first word pattern takes.
    func routes(of pattern: Int) -> [FirstWordRoute] {
        let first = firstWords(of: [pattern])
        guard !first.anyWord else { return [.anyWord] }
        return first.words.map(FirstWordRoute.word) + first.prefixes.map(FirstWordRoute.prefix)
    }

    /// For each word pattern after the first, the words and prefixes
    /// (`PlacementVocabulary.item`) of which a sentence must have one for
    /// it to match: its own, or its group phrases' first words. A word
    /// pattern any word fits is left out; one no word fits (an unknown
    /// group) needs an empty list, which no sentence has.
    func laterWords(of pattern: Int) -> [[Int32]] {
        (Int(patterns[pattern]) + 1..<Int(patterns[pattern + 1])).compactMap { element in
            let first = firstWords(ofElement: element)
            guard !first.anyWord else { return nil }
            return first.words.map(vocabulary.item(ofWord:)).sorted() + first.prefixes.map(vocabulary.item(ofPrefix:)).sorted()
        }
    }

    /// Whether the pattern is one word pattern without groups: any word
    /// its first word fits is then the whole match.
    func isOneWord(_ pattern: Int) -> Bool {
        let first = Int(patterns[pattern])
        guard Int(patterns[pattern + 1]) == first + 1 else { return false }
        return alternatives[Int(elements[first])..<Int(elements[first + 1])].allSatisfy {
            if case .group = $0 { false } else { true }
        }
    }

    /// The one word the pattern's second word must be, when its first
    /// word pattern is one word (no group, whose phrases may be longer)
    /// and its second is exactly one word; -1 otherwise. A quick test
    /// before matching.
    func secondWord(of pattern: Int) -> Int32 {
        let first = Int(patterns[pattern])
        let second = first + 1
        guard second < Int(patterns[pattern + 1]), elements[second + 1] == elements[second] + 1,
              !alternatives[Int(elements[first])..<Int(elements[second])].contains(where: { if case .group = $0 { true } else { false } }),
              case .word(let word) = alternatives[Int(elements[second])] else { return -1 }
        return word
    }
}

/// What the lexicon knows of a word with an ending (`PlacementVocabulary`),
/// side by side: its number, the filters it passes (those taking any
/// word, those taking it, and those taking each prefix it has), and the
/// signature of its words and prefixes (`PlacementTokens.signature`).
struct EndingFacts {
    var filters: UInt64
    var signature: UInt64
    /// -1 for a word the lexicon does not have.
    var word: Int32
}
