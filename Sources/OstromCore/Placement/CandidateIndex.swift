/// The lexicon's terms by the words that can start them, so that a word
/// is checked against a handful of terms rather than all of them.
struct CandidateIndex: Sendable {
    typealias Entry = (category: Int, term: Int)

    private var byWord: [String: [Entry]] = [:]
    /// Prefix terms by their prefix's first `keyLength` letters (shorter
    /// prefixes by the whole prefix).
    private var byPrefixKey: [String: [Entry]] = [:]
    private var anyWord: [Entry] = []
    private static let keyLength = 3

    init(categories: [CompiledCategory]) {
        for (category, compiled) in categories.enumerated() {
            for (term, entry) in compiled.terms.enumerated() {
                guard let first = entry.pattern.firstWords else {
                    anyWord.append((category, term))
                    continue
                }
                for word in Set(first.words) { byWord[word, default: []].append((category, term)) }
                for key in Set(first.prefixes.map { String($0.prefix(Self.keyLength)) }) {
                    byPrefixKey[key, default: []].append((category, term))
                }
            }
        }
    }

    /// Calls `body` with each term that may match starting at a word (the
    /// match decides).
    func forEachTerm(startingWith word: String, _ body: (Entry) -> Void) {
        anyWord.forEach(body)
        byWord[word]?.forEach(body)
        var key = ""
        for character in word.prefix(Self.keyLength) {
            key.append(character)
            byPrefixKey[key]?.forEach(body)
        }
    }
}
