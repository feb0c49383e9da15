/// A text's evidence, gathered sentence by sentence: each category's
/// score over the text, and its best sentences (`PlacementEngine.evidenceLimit`).
/// A sentence among the best so far is copied into a buffer of the text's
/// (as bytes, its marks beside them); the evidence kept at the end shares
/// one copy of those (`EvidenceText`). Every buffer is kept from one text to
/// the next.
struct EvidenceCollector: SentenceVisitor, ~Copyable {
    let matcher: SentenceMatcher
    /// False for the scores alone: no sentence is kept as evidence.
    let keepingEvidence: Bool
    /// Each category's score, strongest match and sentences with evidence.
    private var scores: [Int]
    private var strongest: [Int]
    private var sentenceCounts: [Int]
    /// Each category's best sentences, best first; equal scores in the text's order.
    private var best: [[Candidate]]
    /// The bytes of every sentence that was among some category's best, and their marks (UTF-8 offsets in the sentence).
    private var sentenceBytes: [UInt8] = []
    private var marks: [Range<Int>] = []
    private var work = SentenceMatcher.Work()

    /// A sentence among a category's best: `sentenceBytes[sentence]`, `marks[marks]`.
    private struct Candidate {
        var score: Int
        var sentence: Range<Int>
        var marks: Range<Int>
        /// Whether every character is a byte (the marks are then character offsets already).
        var isASCII: Bool
    }

    init(matcher: SentenceMatcher, keepingEvidence: Bool) {
        self.matcher = matcher
        self.keepingEvidence = keepingEvidence
        let count = matcher.categories.count
        scores = [Int](repeating: 0, count: count)
        strongest = scores
        sentenceCounts = scores
        best = [[Candidate]](repeating: [], count: count)
    }

    /// Ready for another text, keeping the memory of every buffer.
    mutating func reset() {
        for category in scores.indices {
            scores[category] = 0
            strongest[category] = 0
            sentenceCounts[category] = 0
            best[category].removeAll(keepingCapacity: true)
        }
        sentenceBytes.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
    }

    /// Gives each category's finding, when the text has evidence for it,
    /// in the lexicon's order: their evidence shares one `EvidenceText`.
    func forEachFinding(_ body: (_ category: Int, _ finding: Finding) -> Void) {
        // The marks of the sentences kept, in characters, in one array.
        var characterMarks: [Range<Int>] = []
        characterMarks.reserveCapacity(best.reduce(0) { $0 + $1.reduce(0) { $0 + $1.marks.count } })
        for candidates in best {
            for candidate in candidates {
                let first = characterMarks.count
                for index in candidate.marks { characterMarks.append(marks[index]) }
                guard !candidate.isASCII else { continue }
                let sentence = sentenceBytes.withUnsafeBufferPointer { String(decoding: $0[candidate.sentence], as: UTF8.self) }
                Self.countCharacters(&characterMarks[first...], in: sentence)
            }
        }
        // (Copied from a pointer: an array made from the buffer would share its memory.)
        let text = EvidenceText(sentences: sentenceBytes.withUnsafeBufferPointer { Array($0) }, marks: characterMarks)
        var markOffset = 0
        for category in scores.indices where sentenceCounts[category] > 0 {
            let evidence = best[category].map { candidate in
                defer { markOffset += candidate.marks.count }
                return Evidence(text: text, sentenceRange: candidate.sentence, score: candidate.score, markRange: markOffset..<markOffset + candidate.marks.count)
            }
            body(category, Finding(name: matcher.categories[category].name, score: scores[category], strongest: strongest[category],
                                   sentenceCount: sentenceCounts[category], evidence: evidence))
        }
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
        // Where this sentence's bytes were copied, once one category keeps it.
        var copied: Range<Int>?
        for index in 0..<work.found.count {
            let found = work.found[index]
            let category = found.category
            scores[category] += found.score
            strongest[category] = max(strongest[category], found.strongest)
            sentenceCounts[category] += 1
            // A later sentence with an equal score loses to those kept.
            guard keepingEvidence, best[category].count < PlacementEngine.evidenceLimit || found.score > best[category][best[category].count - 1].score else { continue }
            let bytes = copied ?? {
                sentenceBytes += reader.bytes[sentence]
                return sentenceBytes.count - sentence.count..<sentenceBytes.count
            }()
            copied = bytes
            let first = marks.count
            work.appendMarks(of: found, from: sentence.lowerBound, to: &marks)
            // In place of the last when there are enough (it scores less),
            // then moved up past those scoring less: equal scores stay in the
            // text's order.
            if best[category].count == PlacementEngine.evidenceLimit { best[category].removeLast() }
            best[category].append(Candidate(score: found.score, sentence: bytes, marks: first..<marks.count, isASCII: work.tokens.isASCII))
            var index = best[category].count - 1
            while index > 0 && best[category][index - 1].score < found.score {
                best[category].swapAt(index, index - 1)
                index -= 1
            }
        }
    }

    /// UTF-8 offsets in a sentence made character offsets.
    private static func countCharacters(_ ranges: inout ArraySlice<Range<Int>>, in text: String) {
        let utf8 = text.utf8
        func characters(_ offset: Int) -> Int { text.distance(from: text.startIndex, to: utf8.index(utf8.startIndex, offsetBy: offset)) }
        for index in ranges.indices { ranges[index] = characters(ranges[index].lowerBound)..<characters(ranges[index].upperBound) }
    }
}
