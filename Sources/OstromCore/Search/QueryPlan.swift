/// A query with its words looked up in the index once: each atom's
/// vocabulary terms, a phrase's terms, or a filter. Both halves of the
/// records are evaluated from the same plan, each marking which of its
/// terms matched there (by slot), from which the highlighted terms follow.
struct QueryPlan {
    /// What one atom of the query asks of a record.
    enum Step: Sendable, Equatable {
        /// Any of the terms, each scored by its form.
        case terms(TermExpansion, field: SearchField?)
        /// The words next to each other, in order.
        case phrase(words: [[UInt8]], ids: [Int], field: SearchField?)
        /// What the record is: its kind, type, year or DOI.
        case filter(SearchQuery.Atom)
        /// A query word that matches nothing (a phrase's word the index
        /// does not hold, or text with no word in it).
        case nothing
    }

    /// A step, the first of its slots (one per term, one per phrase), and
    /// the atom it was planned from, under which its evaluation is kept.
    struct Placed {
        var step: Step
        var slot: Int
        var key: AtomCache.Key
    }

    /// The query's atoms as planned: two queries whose atoms plan the same
    /// steps have the same results, whatever was typed (a word typed on
    /// from `cop` to `coproductio` stands for the same words throughout).
    struct Atoms: Equatable {
        var clauses: [[Step]] = []
        var excluded: [Step] = []
    }

    /// Per clause, its atoms: a hit meets every clause, by any of its atoms.
    private(set) var clauses: [[Placed]] = []
    private(set) var excluded: [Placed] = []
    /// How many match flags a half of the evaluation keeps.
    private(set) var slotCount = 0
    /// The words typed that matched only words an edit or two away.
    private(set) var approximateWords: [String] = []
    /// How many query words (not filters) the clauses hold: proximity needs two.
    private(set) var words = 0
    private(set) var atoms = Atoms()
    /// The words (term ids) of a phrase typed up to a space, the quote
    /// open: the next keystroke starts its next word, looked for at these
    /// words' ends (`PhraseEnds`), made ready now.
    private(set) var continued: [Int]?

    init(_ query: SearchQuery, index: SearchIndex) {
        let stemmer = Stemmer()
        for clause in query.clauses {
            clauses.append(clause.atoms.map { atom in
                let key = AtomCache.Key(atom: atom, typos: query.allowsTypos)
                let step = index.atoms.step(for: key) { Self.step(for: atom, typos: query.allowsTypos, index: index, stemmer: stemmer) }
                if case .terms(let expansion, _) = step, expansion.isApproximate, let text = atom.text { approximateWords.append(text) }
                if case .filter = step {} else { words += 1 }
                return place(step, key: key, atom: atom)
            })
        }
        excluded = query.excluded.map { atom in
            let key = AtomCache.Key(atom: atom, typos: query.allowsTypos)
            return place(index.atoms.step(for: key) { Self.step(for: atom, typos: query.allowsTypos, index: index, stemmer: stemmer) }, key: key, atom: atom)
        }
        atoms = Atoms(clauses: clauses.map { $0.map(\.step) }, excluded: excluded.map(\.step))
    }

    /// The step with the next free slots, as many as it has terms to mark.
    private mutating func place(_ step: Step, key: AtomCache.Key, atom: SearchQuery.Atom) -> Placed {
        let placed = Placed(step: step, slot: slotCount, key: key)
        slotCount += step.slotCount
        continued = Self.continued(atom, step) ?? continued
        return placed
    }

    /// The words of a phrase in any field whose text ends in a space,
    /// when the index holds them all.
    private static func continued(_ atom: SearchQuery.Atom, _ step: Step) -> [Int]? {
        guard case .phrase(let text, nil) = atom, text.last?.isWhitespace == true else { return nil }
        switch step {
        case .terms(let expansion, _): return expansion.ids.first.map { [Int($0.id)] }
        case .phrase(_, let ids, _): return ids
        case .filter, .nothing: return nil
        }
    }

    private static func step(for atom: SearchQuery.Atom, typos: Bool, index: SearchIndex, stemmer: Stemmer) -> Step {
        switch atom {
        case .term(let text, let field), .prefix(let text, let field):
            let words = SearchIndex.queryTerms(text)
            if words.count > 1 { return phrase(words, field: field, index: index) }
            guard let word = words.first else { return .nothing }
            // A lone CJK character is matched as the start of the bigrams.
            let isPrefix: Bool = if case .prefix = atom { true } else { word.count <= 4 && SearchTokenizer.isCJKTerm(word) }
            let expansion = TermExpansion(term: word, prefix: isPrefix, typos: typos, mask: SearchIndex.mask(field), index: index, stemmer: stemmer)
            return .terms(expansion, field: field)
        case .phrase(let text, let field):
            let words = SearchIndex.queryTerms(text)
            if words.count == 1 { return .terms(TermExpansion(exactly: words[0], index: index), field: field) }
            return words.isEmpty ? .nothing : phrase(words, field: field, index: index)
        case .kind, .type, .years, .doi:
            return .filter(atom)
        }
    }

    private static func phrase(_ words: [[UInt8]], field: SearchField?, index: SearchIndex) -> Step {
        var ids: [Int] = []
        for word in words {
            guard let id = index.terms.id(of: word) else { return .nothing }
            ids.append(id)
        }
        return .phrase(words: words, ids: ids, field: field)
    }

    /// The terms to highlight: per query word, the terms that matched in
    /// either half (`matched`, by slot).
    func matchTerms(matched: [Bool], index: SearchIndex) -> MatchTerms {
        var builder = MatchTerms.Builder()
        for placed in clauses.joined() {
            switch placed.step {
            case .terms(let expansion, _):
                builder.nextWord()
                for (offset, term) in expansion.ids.enumerated() where matched[placed.slot + offset] {
                    builder.insert(index.terms.bytes(of: Int(term.id)))
                }
            case .phrase(let words, _, _):
                builder.nextWord()
                if matched[placed.slot] { for word in words { builder.insert(word[...]) } }
            case .nothing:
                builder.nextWord()
            case .filter:
                break
            }
        }
        return builder.terms
    }
}

extension QueryPlan.Step {
    /// Match flags the step keeps: one per term, one per phrase.
    var slotCount: Int {
        switch self {
        case .terms(let expansion, _): expansion.ids.count
        case .phrase: 1
        case .filter, .nothing: 0
        }
    }
}

extension SearchQuery.Atom {
    /// The text of a word, prefix or phrase.
    var text: String? {
        switch self {
        case .term(let text, _), .prefix(let text, _), .phrase(let text, _): text
        case .kind, .type, .years, .doi: nil
        }
    }
}
