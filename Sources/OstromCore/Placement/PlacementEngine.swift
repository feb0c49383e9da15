/// Suggests where a text sits on the ladder from the lexicon's words: a
/// stage and a level where the evidence supports one, and the principles
/// it shows, each with its score and evidence sentences. Too little
/// evidence, or a tie, leaves it "not placed".
public struct PlacementEngine: Sendable {
    public static let evidenceLimit = 5

    public let lexicon: PlacementLexicon
    private let categories: [CompiledCategory]
    private let negations: [TermPattern]
    /// The words a negation can start with, to pass over the others fast.
    private let negationStarts: TermPattern.Group
    private let candidates: CandidateIndex

    public init(lexicon: PlacementLexicon = .builtIn()) {
        self.lexicon = lexicon
        var groups: [String: [TermPattern]] = [:]
        // Groups name plain phrases only, so they compile without groups.
        for (name, phrases) in lexicon.groups { groups[name] = phrases.map { TermPattern($0, groups: [:]) } }
        var categories: [CompiledCategory] = []
        for (kind, list) in [(CompiledCategory.Kind.stage, lexicon.stages), (.level, lexicon.levels), (.principle, lexicon.principles)] {
            categories += list.map { CompiledCategory(kind: kind, category: $0, groups: groups) }
        }
        self.categories = categories
        negations = lexicon.negations.map { TermPattern($0, groups: groups) }
        negationStarts = TermPattern.Group(negations)
        candidates = CandidateIndex(categories: categories)
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
        var totals = [Finding?](repeating: nil, count: categories.count)
        var found = [[Evidence]](repeating: [], count: categories.count)
        for sentence in Sentences.split(text) {
            let tokens = PlacementTokens(sentence).tokens
            guard !tokens.isEmpty else { continue }
            for (category, matches) in matches(in: tokens) where !matches.isEmpty {
                let score = matches.reduce(0) { $0 + ($1.counts ? $1.weight : 0) }
                let strongest = matches.map(\.weight).max() ?? 0
                var total = totals[category] ?? Finding(name: categories[category].name, score: 0, strongest: 0, sentenceCount: 0, evidence: [])
                total.score += score
                total.strongest = max(total.strongest, strongest)
                total.sentenceCount += 1
                totals[category] = total
                found[category].append(Evidence(sentence: sentence, score: score, marks: Self.marks(of: matches, in: tokens)))
            }
        }
        var findings: [CompiledCategory.Kind: [Finding]] = [:]
        for index in categories.indices {
            guard var finding = totals[index] else { continue }
            // Best first; equal scores keep the text's order (the sort is stable).
            finding.evidence = Array(found[index].enumerated().sorted { ($1.element.score, $0.offset) < ($0.element.score, $1.offset) }
                .map(\.element).prefix(Self.evidenceLimit))
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

    // MARK: - Matching one sentence

    struct Match {
        var term: Int
        var weight: Int
        var tokens: Range<Int>
        /// A `together` rule's parts: only these words are marked.
        var parts: [Range<Int>]?
        /// False for a term already counted in the sentence.
        var counts = true

        init(term: Int, weight: Int, tokens: Range<Int>, parts: [Range<Int>]? = nil) {
            self.term = term
            self.weight = weight
            self.tokens = tokens
            self.parts = parts
        }

    }

    /// Each category's counted matches in a sentence: no two overlapping
    /// (the heavier, then the longer, wins), no term twice, none negated.
    private func matches(in tokens: [PlacementTokens.Token]) -> [Int: [Match]] {
        let negated = negatedStarts(in: tokens)
        var byCategory: [Int: [Match]] = [:]
        for start in tokens.indices where !negated.contains(start) {
            candidates.forEachTerm(startingWith: tokens[start].word) { category, term in
                let compiled = categories[category].terms[term]
                guard let end = compiled.pattern.matchEnd(in: tokens, at: start) else { return }
                byCategory[category, default: []].append(Match(term: term, weight: compiled.weight, tokens: start..<end))
            }
        }
        var counted: [Int: [Match]] = [:]
        for (category, matches) in byCategory {
            var kept: [Match] = []
            for var match in matches.sorted(by: { ($0.weight, $0.tokens.count, -$0.tokens.lowerBound) > ($1.weight, $1.tokens.count, -$1.tokens.lowerBound) })
            where !kept.contains(where: { $0.tokens.overlaps(match.tokens) }) {
                // A term again in the same sentence is marked but not counted.
                match.counts = !kept.contains { $0.term == match.term }
                kept.append(match)
            }
            counted[category] = kept
        }
        for (index, category) in categories.enumerated() {
            for (number, combination) in category.combinations.enumerated() {
                if let match = combination.match(in: tokens, negated: negated, term: category.terms.count + number) {
                    counted[index, default: []].append(match)
                }
            }
        }
        return counted
    }

    /// The word positions a negation reaches: after it, within the window,
    /// in the same clause. ("not only" is no negation.)
    private func negatedStarts(in tokens: [PlacementTokens.Token]) -> Set<Int> {
        var reached: Set<Int> = []
        for start in tokens.indices where negationStarts.mayStart(with: tokens[start].word) {
            for negation in negations {
                guard let end = negation.matchEnd(in: tokens, at: start) else { continue }
                if end < tokens.count, tokens[end].word == "only" { continue }
                var position = end
                while position < tokens.count, position < end + lexicon.negationWindow, tokens[position].clause == tokens[start].clause {
                    reached.insert(position)
                    position += 1
                }
            }
        }
        return reached
    }

    /// The matched words as character ranges, in order; the words of one
    /// match (or one part of a rule) make one range.
    private static func marks(of matches: [Match], in tokens: [PlacementTokens.Token]) -> [Range<Int>] {
        let ranges = matches.flatMap { $0.parts ?? [$0.tokens] }
            .map { tokens[$0.lowerBound].range.lowerBound..<tokens[$0.upperBound - 1].range.upperBound }
            .sorted { $0.lowerBound < $1.lowerBound }
        var marks: [Range<Int>] = []
        for range in ranges {
            if let last = marks.last, range.lowerBound <= last.upperBound {
                marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                marks.append(range)
            }
        }
        return marks
    }
}

/// A lexicon category with its terms compiled.
struct CompiledCategory: Sendable {
    enum Kind: Sendable { case stage, level, principle }

    struct Term: Sendable {
        var pattern: TermPattern
        var weight: Int
    }

    var kind: Kind
    var name: String
    var terms: [Term]
    var combinations: [CompiledCombination]

    init(kind: Kind, category: PlacementLexicon.Category, groups: [String: [TermPattern]]) {
        self.kind = kind
        name = category.name
        terms = category.weightedTerms.map { Term(pattern: TermPattern($0.term, groups: groups), weight: $0.weight) }
        combinations = category.together.map { CompiledCombination(parts: $0.all.map { TermPattern($0, groups: groups) }, weight: $0.weight) }
    }
}

/// A `together` rule: every part somewhere in the sentence, at different
/// words, none negated.
struct CompiledCombination: Sendable {
    var parts: [TermPattern]
    var weight: Int
    /// Each part's possible first words, to pass over the others fast.
    var starts: [TermPattern.Group]

    init(parts: [TermPattern], weight: Int) {
        self.parts = parts
        self.weight = weight
        starts = parts.map { TermPattern.Group([$0]) }
    }

    func match(in tokens: [PlacementTokens.Token], negated: Set<Int>, term: Int) -> PlacementEngine.Match? {
        // Each part's places in the sentence (a few at most are tried).
        var places: [[Range<Int>]] = []
        for (part, start) in zip(parts, starts) {
            let found = tokens.indices.compactMap { position -> Range<Int>? in
                guard start.mayStart(with: tokens[position].word), !negated.contains(position),
                      let end = part.matchEnd(in: tokens, at: position) else { return nil }
                return position..<end
            }
            guard !found.isEmpty else { return nil }
            places.append(Array(found.prefix(Self.placesTried)))
        }
        // The closest set of places that do not overlap, so the marks show
        // the words that belong together.
        var best: [Range<Int>]?
        func span(_ ranges: [Range<Int>]) -> Int { (ranges.map(\.upperBound).max() ?? 0) - (ranges.map(\.lowerBound).min() ?? 0) }
        func choose(_ chosen: [Range<Int>]) {
            guard chosen.count < places.count else {
                if best.map({ span(chosen) < span($0) }) ?? true { best = chosen }
                return
            }
            for range in places[chosen.count] where !chosen.contains(where: { $0.overlaps(range) }) { choose(chosen + [range]) }
        }
        choose([])
        guard let best else { return nil }
        let first = best.map(\.lowerBound).min() ?? 0
        let last = best.map(\.upperBound).max() ?? 0
        return PlacementEngine.Match(term: term, weight: weight, tokens: first..<last, parts: best)
    }

    private static let placesTried = 6
}
