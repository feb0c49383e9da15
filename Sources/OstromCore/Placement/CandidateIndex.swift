/// The lexicon's terms by the words that can start them, so that a word
/// is checked only against the terms whose first word pattern it fits:
/// terms any word can start, terms filed under the word, and terms filed
/// under each of the lexicon's prefixes it starts with.
///
/// Each route has a rank, which breaks ties between terms matching the
/// same words with the same weight, as they always have been: any word
/// first, then the word, then a prefix by its length up to three bytes.
struct CandidateIndex: Sendable {
    struct Entry: Sendable {
        var category: Int32
        var term: Int32
        var rank: Int32
    }

    private var anyWord: [Entry] = []
    /// By word number, then by prefix number: `entries[bounds[i]..<bounds[i + 1]]`.
    private var entries: [Entry] = []
    private var bounds: [Int32] = [0]
    private let wordCount: Int

    init(categories: [CompiledCategory], table: PatternTable) {
        let vocabulary = table.vocabulary
        wordCount = Int(vocabulary.wordCount)
        var lists = [[Entry]](repeating: [], count: wordCount + Int(vocabulary.prefixCount))
        for (category, compiled) in categories.enumerated() {
            for (term, entry) in compiled.terms.enumerated() {
                let filed = Entry(category: Int32(category), term: Int32(term), rank: 0)
                guard let first = table.firstWords(of: entry.pattern) else {
                    anyWord.append(filed)
                    continue
                }
                for word in first.words { lists[Int(word)].append(Entry(category: filed.category, term: filed.term, rank: 1)) }
                for prefix in first.prefixes {
                    let rank = Int32(1 + min(3, vocabulary.prefixLengths[Int(prefix)]))
                    lists[wordCount + Int(prefix)].append(Entry(category: filed.category, term: filed.term, rank: rank))
                }
            }
        }
        for list in lists {
            entries += list
            bounds.append(Int32(entries.count))
        }
    }

    /// Calls `body` with each term whose first word pattern the word at
    /// `index` fits (the rest of the match is for the caller to decide).
    @inline(__always)
    func forEachTerm(startingAt index: Int, of tokens: PlacementTokens, _ body: (Entry) -> Void) {
        anyWord.forEach(body)
        let token = tokens[index]
        if token.word >= 0 { forEach(in: Int(token.word), body) }
        for position in Int(token.prefixStart)..<Int(token.prefixEnd) { forEach(in: wordCount + Int(tokens.prefixes[position]), body) }
    }

    @inline(__always)
    private func forEach(in list: Int, _ body: (Entry) -> Void) {
        for index in Int(bounds[list])..<Int(bounds[list + 1]) { body(entries[index]) }
    }
}
