/// Finds the lexicon's terms in one sentence: for each category, its
/// counted matches (no two overlapping, the heavier then the longer
/// winning; no term counted twice; none negated) and its `together`
/// rules met. Works on the sentence's words as numbers, in buffers kept
/// from sentence to sentence (`Work`).
final class SentenceMatcher: Sendable {
    let categories: [CompiledCategory]
    private let table: PatternTable
    /// The terms by the words that can start them, each list a whole
    /// number of groups (`termGroup`), and each one's signature side by
    /// side (`candidateSignatures`): a group's are tested at once.
    private let candidates: FirstWordIndex<Candidate>
    private let candidateSignatures: [UInt64]
    /// The negations by the words that can start them.
    private let negations: FirstWordIndex<Int>
    /// The words a negation can start with, to pass over the others fast.
    private let negationFilter: Int
    /// The words a term can start with, to pass over the others fast.
    private let termFilter: Int
    private let negationWindow: Int
    /// "only", which stops a negation ("not only").
    private let only: Int32
    /// What a sentence must have for a term to match after its first
    /// word (`PatternTable.laterWords`): lists of words and prefixes, of
    /// which the sentence has one of every list, each kept as the set of
    /// endings having one (`PlacementVocabulary.EndingSets`),
    /// list `l` from `laterWordEndings[l * endingSetWords]`; a term's lists
    /// are given by `candidate.laterWords`. Most terms tried fail here, without being matched.
    private let laterWordEndings: [UInt64]
    private let endingSetWords: Int
    /// Every category's `together` rules, in the categories' order, with
    /// the number each counts as a term by (after the category's terms).
    private let rules: [(category: Int, term: Int, rule: TogetherRule)]
    /// Each rule's category and requirement (`TogetherRule.required`),
    /// side by side: a sentence looks at these alone to know which rules
    /// it may meet (most meet none).
    private let ruleCategories: [Int]
    private let ruleRequirements: [UInt64]

    init(lexicon: PlacementLexicon) {
        let lists = [(CompiledCategory.Kind.stage, lexicon.stages), (.level, lexicon.levels), (.principle, lexicon.principles)]
        let terms = lists.flatMap { $0.1.flatMap { $0.weightedTerms.map(\.term) + $0.together.flatMap(\.all) } }
        var table = PatternTable(terms: terms + lexicon.negations + ["only"], groups: lexicon.groups)
        var categories: [CompiledCategory] = []
        for (kind, list) in lists {
            categories += list.map { CompiledCategory(kind: kind, category: $0, table: &table) }
        }
        let negations = lexicon.negations.map { table.add($0) }
        negationFilter = table.addFilter(negations)
        termFilter = table.addFilter(categories.flatMap { $0.terms.map(\.pattern) })
        table.seal()
        negationWindow = lexicon.negationWindow
        only = table.vocabulary.number(ofWord: "only")
        var laterWordEndings: [UInt64] = []
        var listCount: Int32 = 0
        let endingSets = table.vocabulary.endingSets
        // Each category's terms' lists, `[category][term]`, and the
        // signature of the list with the fewest words (all bits when none).
        let termLaterWords = categories.map { category in
            category.terms.map { term in
                let lists = table.laterWords(of: term.pattern)
                let first = listCount
                for list in lists {
                    laterWordEndings += endingSets.set(withAny: list)
                    listCount += 1
                }
                let signature = lists.min { $0.count < $1.count }.map(PlacementTokens.signature(of:)) ?? ~0
                return (lists: first..<listCount, signature: signature)
            }
        }
        self.laterWordEndings = laterWordEndings
        endingSetWords = table.vocabulary.endingSetWords
        rules = categories.enumerated().flatMap { index, category in
            category.rules.enumerated().map { (index, category.terms.count + $0.offset, $0.element) }
        }
        precondition(rules.count <= 64, "more than 64 together rules")
        ruleCategories = rules.map(\.category)
        ruleRequirements = rules.map(\.rule.required)
        let filed = Self.candidates(of: categories, laterWords: termLaterWords, table: table)
        candidates = filed.map(\.candidate)
        candidateSignatures = filed.all.map(\.signature)
        self.negations = FirstWordIndex(vocabulary: table.vocabulary) { [table] file in
            for negation in negations {
                for route in table.routes(of: negation) { file(negation, route) }
            }
        }
        self.categories = categories
        self.table = table
    }

    /// A term filed under a word that can start it. Its rank, the route
    /// it is filed by, breaks ties between terms of a category matching
    /// the same words with the same weight, as they always have been: any
    /// word first, then the word, then a prefix by its length up to three
    /// bytes.
    ///
    /// Kept small (twenty bytes: a thousand of them fit the first-level
    /// cache, where at forty-eight they did not), its signature kept apart
    /// (`candidateSignatures`).
    struct Candidate: Sendable {
        var pattern: Int32
        /// What the sentence must have for the term to match after its
        /// first word: lists `laterWords..<laterWords + laterWordCount` of
        /// `SentenceMatcher.laterWordEndings`.
        var laterWords: Int32
        /// The word the term's second word must be, when it is one (-1 otherwise).
        var secondWord: Int16
        var term: Int16
        var category: UInt8
        var rank: UInt8
        var weight: UInt8
        var laterWordCount: UInt8
        /// The term is the one word the candidate is filed under.
        var isOneWord: Bool
    }

    /// A candidate as filed, with its signature: a sentence whose
    /// signature (`PlacementTokens.signature`) shares no bit with this has
    /// none of the words of one of its lists; most terms tried are passed
    /// over by this one test.
    private typealias Filed = (candidate: Candidate, signature: UInt64)

    private static func candidates(of categories: [CompiledCategory], laterWords: [[(lists: Range<Int32>, signature: UInt64)]],
                                   table: PatternTable) -> FirstWordIndex<Filed> {
        precondition(categories.count <= Int(UInt8.max) && table.vocabulary.wordCount < Int32(Int16.max), "the placement lexicon is too large")
        // A filler passes no signature test.
        let filler = Candidate(pattern: 0, laterWords: 0, secondWord: -1, term: 0, category: 0, rank: 0, weight: 0, laterWordCount: 0, isOneWord: true)
        return FirstWordIndex(vocabulary: table.vocabulary, groups: (termGroup, (filler, 0))) { file in
            for (category, compiled) in categories.enumerated() {
                precondition(compiled.terms.count < Int(Int16.max), "the placement lexicon is too large")
                for (term, entry) in compiled.terms.enumerated() {
                    let isOneWord = table.isOneWord(entry.pattern)
                    let secondWord = Int16(table.secondWord(of: entry.pattern))
                    let (lists, signature) = laterWords[category][term]
                    precondition(lists.count <= Int(UInt8.max) && entry.weight <= Int(UInt8.max), "the placement lexicon is too large")
                    for route in table.routes(of: entry.pattern) {
                        let rank = switch route {
                        case .anyWord: 0
                        case .word: 1
                        case .prefix(let prefix): 1 + min(3, table.vocabulary.prefixLengths[Int(prefix)])
                        }
                        let candidate = Candidate(pattern: Int32(entry.pattern), laterWords: lists.lowerBound, secondWord: secondWord, term: Int16(term),
                                                  category: UInt8(category), rank: UInt8(rank), weight: UInt8(entry.weight),
                                                  laterWordCount: UInt8(lists.count), isOneWord: isOneWord)
                        file((candidate, signature), route)
                    }
                }
            }
        }
    }

    /// A match of a term (or of a `together` rule) at words `start..<end`.
    struct Match {
        var category: Int
        var term: Int
        var weight: Int
        var start: Int
        var end: Int
        /// The route the term was found by (`Candidate`), to break ties.
        var rank: Int
        /// A `together` rule's parts, `Work.ruleParts[parts]`: only these
        /// words are marked. Empty for a term.
        var parts: Range<Int> = 0..<0
        /// False for a term already counted in the sentence.
        var counts = true
    }

    /// A category's evidence in the sentence: its matches, `kept[matches]`.
    struct Found {
        var category: Int
        var score: Int
        var strongest: Int
        var matches: Range<Int>
    }

    /// The sentence's words and what was found in them.
    struct Work: ~Copyable {
        var tokens = PlacementTokens()
        var negated = ScratchBuffer<Bool>()
        /// Whether any word of the sentence is negated.
        var anyNegated = false
        var matches = ScratchBuffer<Match>()
        var kept = ScratchBuffer<Match>()
        /// The places of the parts of the rules met.
        var ruleParts = ScratchBuffer<Range<Int>>()
        var together = TogetherRule.Scratch()
        var found = ScratchBuffer<Found>()

        /// Appends the matched words as UTF-8 ranges from `sentenceStart`,
        /// in order; the words of one match (or one part of a rule) make
        /// one range, and ranges that overlap or touch are made one.
        /// (Mutating only so that the buffers are not copied.)
        mutating func appendMarks(of found: Found, from sentenceStart: Int, to marks: inout [Range<Int>]) {
            let first = marks.count
            for index in found.matches {
                let match = kept[index]
                // A term's words, or each part of a rule.
                let words = match.parts.isEmpty ? index..<index + 1 : match.parts
                for word in words {
                    let part = match.parts.isEmpty ? match.start..<match.end : ruleParts[word]
                    let range = Int(tokens[part.lowerBound].start) - sentenceStart..<Int(tokens[part.upperBound - 1].end) - sentenceStart
                    // In order of their starts, as they come (most evidence has one or two).
                    var place = marks.count
                    marks.append(range)
                    while place > first && marks[place - 1].lowerBound > range.lowerBound {
                        marks[place] = marks[place - 1]
                        place -= 1
                    }
                    marks[place] = range
                }
            }
            var merged = first
            for index in first..<marks.count {
                let range = marks[index]
                if merged > first, range.lowerBound <= marks[merged - 1].upperBound {
                    marks[merged - 1] = marks[merged - 1].lowerBound..<max(marks[merged - 1].upperBound, range.upperBound)
                } else {
                    marks[merged] = range
                    merged += 1
                }
            }
            marks.removeLast(marks.count - merged)
        }
    }

    /// Reads the sentence at `range` of the paragraph into `work` and
    /// finds each category's evidence in it (`work.found`).
    func match(_ range: Range<Int>, of reader: TextReader, in work: inout Work) {
        // The table, read once per sentence: read from `self` for each
        // term tried, it was copied each time.
        let table = self.table
        work.found.removeAll()
        work.tokens.read(range, of: reader, table: table, starting: termFilter)
        guard work.tokens.count > 0 else { return }
        markNegated(&work, table)
        findTerms(&work, table)
        work.matches.sort {
            ($0.category, $1.weight, $1.end - $1.start, $0.start, $0.rank, $0.term) < ($1.category, $0.weight, $0.end - $0.start, $1.start, $1.rank, $1.term)
        }
        work.kept.removeAll()
        work.ruleParts.removeAll()
        var next = 0
        // The filters the words not negated pass: all the words', when none is.
        var passed = work.tokens.filtersPassed
        if work.anyNegated {
            passed = 0
            for position in 0..<work.tokens.count where !work.negated[position] { passed |= work.tokens[position].filters }
        }
        // The rules the sentence may meet (`TogetherRule.required`), a bit each.
        var pending: UInt64 = 0
        for index in ruleRequirements.indices where passed & ruleRequirements[index] == ruleRequirements[index] { pending |= 1 << UInt64(index) }
        // The categories with a match or a rule to try, in order; the others have nothing to look at.
        while next < work.matches.count || pending != 0 {
            let category = min(next < work.matches.count ? work.matches[next].category : .max,
                               pending != 0 ? ruleCategories[pending.trailingZeroBitCount] : .max)
            let first = work.kept.count
            while next < work.matches.count, work.matches[next].category == category {
                var match = work.matches[next]
                next += 1
                var overlaps = false
                var counted = false
                for index in first..<work.kept.count {
                    let kept = work.kept[index]
                    overlaps = overlaps || (kept.start < match.end && match.start < kept.end)
                    counted = counted || kept.term == match.term
                }
                guard !overlaps else { continue }
                // A term again in the same sentence is marked but not counted.
                match.counts = !counted
                work.kept.append(match)
            }
            while pending != 0, ruleCategories[pending.trailingZeroBitCount] == category {
                let rule = pending.trailingZeroBitCount
                pending &= pending - 1
                if let words = rules[rule].rule.match(in: &work.tokens, negated: work.negated, table: table, scratch: &work.together) {
                    let first = work.ruleParts.count
                    work.ruleParts.append(contentsOf: work.together.best)
                    work.kept.append(Match(category: category, term: rules[rule].term, weight: rules[rule].rule.weight, start: words.lowerBound,
                                           end: words.upperBound, rank: 0, parts: first..<work.ruleParts.count))
                }
            }
            guard work.kept.count > first else { continue }
            var score = 0
            var strongest = 0
            for index in first..<work.kept.count {
                let match = work.kept[index]
                if match.counts { score += match.weight }
                strongest = max(strongest, match.weight)
            }
            work.found.append(Found(category: category, score: score, strongest: strongest, matches: first..<work.kept.count))
        }
    }

    /// Every term matching at each word not negated: the terms filed
    /// under any word, under the word, and under each prefix it has, at
    /// the words a term can start at (`PlacementTokens.starts`).
    private func findTerms(_ work: inout Work, _ table: PatternTable) {
        work.matches.removeAll()
        for index in 0..<work.tokens.starts.count {
            let start = Int(work.tokens.starts[index])
            guard !work.anyNegated || !work.negated[start] else { continue }
            findTerms(candidates.entries(ofEnding: work.tokens[start].ending), at: start, &work, table)
        }
    }

    /// How many of a word's candidate terms are tested against the
    /// sentence's signature at once: with no branch for each, and most
    /// words' candidates in one group, the loop is one a processor predicts.
    private static let termGroup = 4

    @inline(__always)
    private func findTerms(_ entries: Range<Int>, at start: Int, _ work: inout Work, _ table: PatternTable) {
        let signature = work.tokens.signature
        for group in stride(from: entries.lowerBound, to: entries.upperBound, by: Self.termGroup) {
            var passing = 0
            for lane in 0..<Self.termGroup { passing |= (signature & candidateSignatures[group + lane] != 0 ? 1 : 0) << lane }
            while passing != 0 {
                let entry = candidates[group + passing.trailingZeroBitCount]
                passing &= passing - 1
                if entry.secondWord >= 0, start + 1 >= work.tokens.count || work.tokens[start + 1].word != entry.secondWord { continue }
                guard hasLaterWords(entry.laterWords..<entry.laterWords + Int32(entry.laterWordCount), work.tokens) else { continue }
                let end = entry.isOneWord ? start + 1 : table.matchEnd(Int(entry.pattern), in: &work.tokens, at: start)
                guard end >= 0 else { continue }
                work.matches.append(Match(category: Int(entry.category), term: Int(entry.term), weight: Int(entry.weight),
                                          start: start, end: end, rank: Int(entry.rank)))
            }
        }
    }

    @inline(__always)
    private func hasLaterWords(_ lists: Range<Int32>, _ tokens: borrowing PlacementTokens) -> Bool {
        for list in lists where !tokens.hasAny(laterWordEndings, at: Int(list) * endingSetWords) { return false }
        return true
    }

    /// The words a negation reaches: after it, within the window, in the
    /// same clause. ("not only" is no negation.)
    private func markNegated(_ work: inout Work, _ table: PatternTable) {
        work.negated.refill(false, count: work.tokens.count)
        work.anyNegated = false
        guard table.maySomewhereStart(negationFilter, work.tokens) else { return }
        for start in 0..<work.tokens.count where table.mayStart(negationFilter, work.tokens, at: start) {
            markNegated(by: negations.entries(ofEnding: work.tokens[start].ending), at: start, &work, table)
        }
    }

    private func markNegated(by entries: Range<Int>, at start: Int, _ work: inout Work, _ table: PatternTable) {
        let count = work.tokens.count
        for index in entries {
            let end = table.matchEnd(negations[index], in: &work.tokens, at: start)
            guard end >= 0 else { continue }
            if end < count, work.tokens[end].word == only { continue }
            var position = end
            while position < count, position < end + negationWindow, work.tokens[position].clause == work.tokens[start].clause {
                work.negated[position] = true
                work.anyNegated = true
                position += 1
            }
        }
    }
}

/// A lexicon category with its terms compiled.
struct CompiledCategory: Sendable {
    enum Kind: Sendable { case stage, level, principle }

    struct Term: Sendable {
        var pattern: Int
        var weight: Int
    }

    var kind: Kind
    var name: String
    var terms: [Term]
    var rules: [TogetherRule]

    init(kind: Kind, category: PlacementLexicon.Category, table: inout PatternTable) {
        self.kind = kind
        name = category.name
        terms = category.weightedTerms.map { Term(pattern: table.add($0.term), weight: $0.weight) }
        rules = category.together.map { TogetherRule(parts: $0.all, weight: $0.weight, table: &table) }
    }
}
