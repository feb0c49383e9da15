/// A text's evidence, gathered sentence by sentence: each category's
/// score over the text, and its best sentences (`PlacementEngine.evidenceLimit`),
/// made `String`s only when they are among the best so far.
struct EvidenceCollector: SentenceVisitor, ~Copyable {
    let matcher: SentenceMatcher
    /// False for the scores alone: no sentence is kept as evidence.
    let keepingEvidence: Bool
    /// Each category's score, strongest match and sentences with evidence.
    private var scores: [Int]
    private var strongest: [Int]
    private var sentenceCounts: [Int]
    /// Each category's best sentences, best first; equal scores in the text's order.
    private var kept: [[Evidence]]
    private var work = SentenceMatcher.Work()

    init(matcher: SentenceMatcher, keepingEvidence: Bool) {
        self.matcher = matcher
        self.keepingEvidence = keepingEvidence
        let count = matcher.categories.count
        scores = [Int](repeating: 0, count: count)
        strongest = scores
        sentenceCounts = scores
        kept = [[Evidence]](repeating: [], count: count)
    }

    /// Ready for another text, keeping the memory of every buffer but the
    /// evidence's, which the last text's findings hold.
    mutating func reset() {
        for category in scores.indices {
            scores[category] = 0
            strongest[category] = 0
            sentenceCounts[category] = 0
            if !kept[category].isEmpty { kept[category] = [] }
        }
    }

    /// A category's finding, when the text has evidence for it.
    func finding(_ category: Int) -> Finding? {
        guard sentenceCounts[category] > 0 else { return nil }
        return Finding(name: matcher.categories[category].name, score: scores[category], strongest: strongest[category],
                       sentenceCount: sentenceCounts[category], evidence: kept[category])
    }

    /// The categories with evidence, their scores, in the lexicon's order.
    func scored(into scored: inout [PlacementDecision.Scored]) {
        scored.removeAll(keepingCapacity: true)
        for (index, category) in matcher.categories.enumerated() where sentenceCounts[index] > 0 {
            scored.append(PlacementDecision.Scored(kind: category.kind, name: category.name, score: scores[index], strongest: strongest[index]))
        }
    }

    mutating func visit(_ reader: TextReader, _ sentence: Range<Int>) {
        matcher.match(sentence, of: reader, in: &work)
        var text: String?
        for index in 0..<work.found.count {
            let found = work.found[index]
            let category = found.category
            scores[category] += found.score
            strongest[category] = max(strongest[category], found.strongest)
            sentenceCounts[category] += 1
            // A later sentence with an equal score loses to those kept.
            guard keepingEvidence, kept[category].count < PlacementEngine.evidenceLimit || found.score > kept[category][kept[category].count - 1].score else { continue }
            let sentenceText = text ?? String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[sentence]), as: UTF8.self)
            text = sentenceText
            var marks = work.marks(of: found, from: sentence.lowerBound)
            if !work.tokens.isASCII { Self.countCharacters(&marks, in: sentenceText) }
            // In place of the last when there are enough (it scores less),
            // then moved up past those scoring less: equal scores stay in the
            // text's order. (An insertion cost several times as much.)
            if kept[category].count == PlacementEngine.evidenceLimit { kept[category].removeLast() }
            if kept[category].isEmpty { kept[category].reserveCapacity(PlacementEngine.evidenceLimit) }
            kept[category].append(Evidence(sentence: sentenceText, score: found.score, marks: marks))
            var index = kept[category].count - 1
            while index > 0 && kept[category][index - 1].score < found.score {
                kept[category].swapAt(index, index - 1)
                index -= 1
            }
        }
    }

    /// UTF-8 offsets in a sentence made character offsets.
    private static func countCharacters(_ ranges: inout [Range<Int>], in text: String) {
        let utf8 = text.utf8
        func characters(_ offset: Int) -> Int { text.distance(from: text.startIndex, to: utf8.index(utf8.startIndex, offsetBy: offset)) }
        for index in ranges.indices { ranges[index] = characters(ranges[index].lowerBound)..<characters(ranges[index].upperBound) }
    }
}
