/// The last rank rule: among the best hits, a record whose query words
/// stand together gains classes. Read in the records' title and abstract,
/// for the first `window` hits only, whose order it may change; the hits
/// after them keep their order.
enum Proximity {
    static let window = 100
    /// Two or more of the query's words side by side, in order, in the title.
    static let phraseClasses: Float = 4
    /// The query's words within `span` words of each other in one sentence
    /// of the title or abstract.
    static let nearClasses: Float = 1
    static let span = 8

    /// The classes a record gains.
    static func bonus(of record: Record, matching terms: MatchTerms, tokenizer: inout SearchTokenizer) -> Float {
        let title = terms.wordSequence(in: record.title, tokenizer: &tokenizer)
        for (left, right) in zip(title, title.dropFirst())
        where left.word != nil && right.word == left.word.map({ $0 + 1 }) && right.position == left.position + 1 {
            return phraseClasses
        }
        let abstract = record.abstract.map { terms.wordSequence(in: $0, tokenizer: &tokenizer) } ?? []
        let words = Set((title + abstract).compactMap(\.word))
        guard words.count >= 2 else { return 0 }
        return near(title, words: words.count) || near(abstract, words: words.count) ? nearClasses : 0
    }

    /// Whether `words` distinct query words stand within `span` words in one sentence.
    private static func near(_ sequence: [MatchTerms.Placed], words: Int) -> Bool {
        // Each query word's latest place in the sentence.
        var latest: [Int: Int] = [:]
        for placed in sequence {
            if placed.startsSentence { latest.removeAll(keepingCapacity: true) }
            guard let word = placed.word else { continue }
            latest[word] = placed.position
            if latest.count == words && latest.values.allSatisfy({ placed.position - $0 < span }) { return true }
        }
        return false
    }
}

extension MatchTerms {
    /// A whole word of a text: its place, whether a sentence starts with
    /// it, and the query word it matches, if any.
    struct Placed {
        var position: Int
        var startsSentence: Bool
        var word: Int?
    }

    func wordSequence(in text: String, tokenizer: inout SearchTokenizer) -> [Placed] {
        var sequence: [Placed] = []
        var previousEnd = 0
        var text = text
        text.withUTF8 { utf8 in
            tokenizer.tokenize(utf8) { token in
                guard token.isWhole else { return }
                var startsSentence = false
                for offset in previousEnd..<token.start {
                    let byte = utf8[offset]
                    if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3B { startsSentence = true }
                }
                previousEnd = token.end
                sequence.append(Placed(position: sequence.count, startsSentence: startsSentence, word: word(of: token.bytes)))
            }
        }
        return sequence
    }
}

extension SearchResults {
    /// Adds the proximity classes to the best `Proximity.window` hits of a
    /// query of two words or more, and orders them again. An index whose
    /// records are not all read yet leaves it for `completeProximity`.
    mutating func rankByProximity(words: Int, records: [Record]) {
        guard words >= 2, !matchTerms.isEmpty else { return }
        rankMore(upTo: Proximity.window)
        if hits[0..<rankedCount].allSatisfy({ $0.record < records.count }) { addProximity(records: records) } else { awaitsProximity = true }
    }

    /// The proximity rule, applied once the records are all read, for a
    /// search run while they were not (the hits then reach their final order).
    public mutating func completeProximity(records: [Record]) {
        guard awaitsProximity else { return }
        awaitsProximity = false
        addProximity(records: records)
    }

    /// The window's hits, in rank order by the other rules, gain their classes.
    private mutating func addProximity(records: [Record]) {
        let window = min(rankedCount, Proximity.window)
        var tokenizer = SearchTokenizer()
        for index in 0..<window {
            hits[index].score += Proximity.bonus(of: records[hits[index].record], matching: matchTerms, tokenizer: &tokenizer) * RankClass.unit
        }
        reorder(through: window)
    }
}
