/// Suggests where a text sits on the ladder from the lexicon's words: a
/// stage and a level where the evidence supports one, and the principles
/// it shows, each with its score and evidence sentences. Too little
/// evidence, or a tie, leaves it "not placed".
///
/// The text is read as UTF-8 bytes; its words are looked up once in the
/// lexicon's vocabulary and matched as numbers (`SentenceMatcher`). A
/// sentence becomes a `String` only when it is among the evidence kept.
public struct PlacementEngine: Sendable {
    public static let evidenceLimit = 5

    public let lexicon: PlacementLexicon
    private let matcher: SentenceMatcher

    public init(lexicon: PlacementLexicon = .builtIn()) {
        self.lexicon = lexicon
        matcher = SentenceMatcher(lexicon: lexicon)
    }

    /// The analysis of a record's title, keywords, abstract and text (not a
    /// speaker's biography, which is about the speaker, not the case).
    public func analyse(_ record: Record) -> PlacementAnalysis {
        analyse(Self.text(of: record))
    }

    static func text(of record: Record) -> String {
        var parts = [record.title]
        if !record.keywords.isEmpty { parts.append(record.keywords.joined(separator: "; ")) }
        if let abstract = record.abstract { parts.append(abstract) }
        if let body = record.body { parts.append(body) }
        return parts.joined(separator: "\n\n")
    }

    public func analyse(_ text: String) -> PlacementAnalysis {
        let categories = matcher.categories
        var totals = [Finding?](repeating: nil, count: categories.count)
        var kept = [[Evidence]](repeating: [], count: categories.count)
        var work = SentenceMatcher.Work()
        for paragraph in Sentences.paragraphs(of: text) {
            var bytes = paragraph.text
            bytes.withUTF8 { utf8 in
                let reader = TextReader(string: paragraph.text, bytes: utf8)
                for sentence in paragraph.sentences {
                    matcher.match(sentence, of: reader, in: &work)
                    var text: String?
                    for found in work.found {
                        let category = Int(found.category)
                        var total = totals[category] ?? Finding(name: categories[category].name, score: 0, strongest: 0, sentenceCount: 0, evidence: [])
                        total.score += found.score
                        total.strongest = max(total.strongest, found.strongest)
                        total.sentenceCount += 1
                        totals[category] = total
                        guard Self.isKept(score: found.score, among: kept[category]) else { continue }
                        let sentenceText = text ?? String(decoding: UnsafeBufferPointer(rebasing: utf8[sentence]), as: UTF8.self)
                        text = sentenceText
                        let marks = Self.characterRanges(work.marks(of: found), in: sentence, text: sentenceText, isASCII: work.tokens.isASCII)
                        Self.keep(Evidence(sentence: sentenceText, score: found.score, marks: marks), in: &kept[category])
                    }
                }
            }
        }
        var findings: [CompiledCategory.Kind: [Finding]] = [:]
        for index in categories.indices {
            guard var finding = totals[index] else { continue }
            finding.evidence = kept[index]
            findings[categories[index].kind, default: []].append(finding)
        }
        let stages = findings[.stage] ?? [], levels = findings[.level] ?? [], principles = findings[.principle] ?? []
        let stageVerdict = verdict(stages), levelVerdict = verdict(levels)
        let placed = principles.filter(isSupported).sorted { $0.score > $1.score }.map(\.name)
        return PlacementAnalysis(stages: stages, levels: levels, principles: principles, stageVerdict: stageVerdict, levelVerdict: levelVerdict,
                                 suggestion: PlacementChoice(stage: stageVerdict.name, level: levelVerdict.name, principles: placed))
    }

    /// Evidence enough: the score reaches `placeAt` with a match of weight
    /// 2 or more. Principles need this; a stage or level also the lead.
    private func isSupported(_ finding: Finding) -> Bool {
        finding.score >= lexicon.placeAt && finding.strongest >= 2
    }

    /// A stage or level is placed when it is supported and scores more
    /// than every other; otherwise the verdict says why not.
    private func verdict(_ findings: [Finding]) -> Verdict {
        let ranked = findings.sorted { $0.score > $1.score }
        guard let best = ranked.first else { return .noEvidence }
        guard isSupported(best) else { return .tooLittle(best: best.name, score: best.score, needed: lexicon.placeAt) }
        if ranked.count > 1, ranked[1].score == best.score { return .tie(best.name, ranked[1].name, score: best.score) }
        return .placed(best.name)
    }

    // MARK: - The evidence kept

    /// Whether a sentence scoring `score`, later in the text than those
    /// kept, is among the best `evidenceLimit` (an equal score keeps the
    /// earlier sentence).
    private static func isKept(score: Int, among kept: [Evidence]) -> Bool {
        kept.count < evidenceLimit || score > kept[kept.count - 1].score
    }

    /// Keeps the best sentences, best first; equal scores in the text's order.
    private static func keep(_ evidence: Evidence, in kept: inout [Evidence]) {
        kept.insert(evidence, at: kept.firstIndex { evidence.score > $0.score } ?? kept.count)
        if kept.count > evidenceLimit { kept.removeLast() }
    }

    /// UTF-8 ranges of the paragraph as character offsets in its sentence.
    private static func characterRanges(_ ranges: [Range<Int>], in sentence: Range<Int>, text: String, isASCII: Bool) -> [Range<Int>] {
        let shifted = ranges.map { ($0.lowerBound - sentence.lowerBound)..<($0.upperBound - sentence.lowerBound) }
        guard !isASCII else { return shifted }
        let utf8 = text.utf8
        func characters(_ offset: Int) -> Int { text.distance(from: text.startIndex, to: utf8.index(utf8.startIndex, offsetBy: offset)) }
        return shifted.map { characters($0.lowerBound)..<characters($0.upperBound) }
    }
}
