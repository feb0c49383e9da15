/// The lexicon's terms by the words that can start them, so that a word
/// is checked against a handful of terms rather than all of them: terms
/// starting with a word are filed under the word; terms starting with a
/// prefix, under the prefix's first `keyLength` bytes (the whole prefix
/// when shorter). A word's candidates come in the order the match ties
/// are broken in: terms any word can start, then the word's, then those
/// filed under its first one, two and three bytes.
struct CandidateIndex: Sendable {
    struct Entry: Sendable {
        var category: Int32
        var term: Int32
    }

    private var anyWord: [Entry] = []
    /// By word number, then by vocabulary node: `entries[bounds[i]..<bounds[i + 1]]`.
    private var entries: [Entry] = []
    private var bounds: [Int32] = [0]
    private let wordCount: Int

    init(categories: [CompiledCategory], table: PatternTable) {
        let vocabulary = table.vocabulary
        wordCount = Int(vocabulary.wordCount)
        var lists = [[Entry]](repeating: [], count: wordCount + vocabulary.nodeCount)
        for (category, compiled) in categories.enumerated() {
            for (term, entry) in compiled.terms.enumerated() {
                let filed = Entry(category: Int32(category), term: Int32(term))
                guard let first = table.firstWords(of: entry.pattern) else {
                    anyWord.append(filed)
                    continue
                }
                for word in first.words { lists[Int(word)].append(filed) }
                var keys = Set(first.prefixes.map { vocabulary.keyNode(ofPrefix: $0) })
                keys.remove(0)
                for key in keys { lists[wordCount + key].append(filed) }
            }
        }
        for list in lists {
            entries += list
            bounds.append(Int32(entries.count))
        }
    }

    /// Calls `body` with each term that may match starting at a word (the
    /// match decides).
    @inline(__always)
    func forEachTerm(startingWith token: PlacementTokens.Token, _ body: (Entry) -> Void) {
        anyWord.forEach(body)
        if token.word >= 0 { forEach(in: Int(token.word), body) }
        if token.keys.0 != 0 { forEach(in: wordCount + token.keys.0, body) }
        if token.keys.1 != 0 { forEach(in: wordCount + token.keys.1, body) }
        if token.keys.2 != 0 { forEach(in: wordCount + token.keys.2, body) }
    }

    @inline(__always)
    private func forEach(in list: Int, _ body: (Entry) -> Void) {
        for index in Int(bounds[list])..<Int(bounds[list + 1]) { body(entries[index]) }
    }
}
