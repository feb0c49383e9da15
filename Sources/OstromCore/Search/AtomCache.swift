import Synchronization

/// The atoms of the last queries, looked up and evaluated. A query is
/// run again at every keystroke while it is typed, and all its atoms but
/// the one being typed are the same as a keystroke before
/// (`volunteers -health k`, then `ki`): each is planned once (its terms
/// looked up, its prefix and typo expansions found) and evaluated once
/// per half of the records (a prefix twice: `isWorthKeeping`), then
/// replayed as the records and scores it matched. The index never
/// changes, so nothing kept goes stale; the least recently used atom is
/// forgotten first.
final class AtomCache: Sendable {
    /// An atom as typed, and whether typos were allowed when it was planned.
    struct Key: Hashable, Sendable {
        var atom: SearchQuery.Atom
        var typos: Bool

        /// A phrase is known by its words as the index reads them: `"public`
        /// and `"public ` (a space typed after it, the quote still open)
        /// are one atom, evaluated once.
        init(atom: SearchQuery.Atom, typos: Bool) {
            if case .phrase(let text, let field) = atom {
                let words = SearchIndex.queryTerms(text).map { String(decoding: $0, as: UTF8.self) }
                self.atom = .phrase(words.joined(separator: " "), field: field)
            } else {
                self.atom = atom
            }
            self.typos = typos
        }
    }

    /// One half's evaluation of an atom: the records it matched, each
    /// with its score, and which of its terms matched there.
    struct Outcome: Sendable {
        var hits: [SearchHit]
        var matched: [Bool]
    }

    private struct Entry {
        var step: QueryPlan.Step
        var halves: [Outcome?] = [nil, nil]
        /// Whether each half has evaluated the atom anew once already.
        var evaluated = [false, false]
        var used: Int
    }

    private struct Contents {
        var entries: [Key: Entry] = [:]
        var clock = 0
        /// The ends of the words of the phrase being typed (term ids), per half.
        var phrase: (words: [Int], halves: [PhraseEnds?])?
        /// The last query's results, by its atoms and how many hits were ranked.
        var last: (atoms: QueryPlan.Atoms, ranked: Int, results: SearchResults)?
    }

    /// Atoms kept: enough for the queries of a session of typing.
    static let capacity = 16
    /// Records matched the kept outcomes may hold in all, 8 bytes each
    /// (16 MB): in a library of a million records a word matches half of
    /// them, and sixteen such words would take 128 MB.
    static let recordBudget = 2_000_000
    /// The most records one half's outcome may hold to be kept.
    static let largestOutcome = recordBudget / 2

    private let contents = Mutex(Contents())
    /// The memory of the outcomes forgotten last, for the next kept: room
    /// for all the outcomes the cache may keep (their memory is made a power
    /// of two long: twice the budget), however many.
    let outcomeMemory = ArrayMemory<SearchHit>(capacity: AtomCache.capacity * 2, newestIsHeld: false, budget: 2 * recordBudget)

    /// The atom's plan, kept or made now by `make`.
    func step(for key: Key, make: () -> QueryPlan.Step) -> QueryPlan.Step {
        if let step = contents.withLock({ contents -> QueryPlan.Step? in
            contents.clock += 1
            contents.entries[key]?.used = contents.clock
            return contents.entries[key]?.step
        }) {
            return step
        }
        let step = make()
        contents.withLock { contents in
            if contents.entries.count >= Self.capacity, let oldest = contents.entries.min(by: { $0.value.used < $1.value.used })?.key {
                forget(oldest, in: &contents)
            }
            contents.entries[key] = Entry(step: step, used: contents.clock)
        }
        return step
    }

    /// Notes that an atom was evaluated anew in one half, and says whether
    /// its outcome is worth keeping: a word's or a phrase's at once (a
    /// word typed whole, a phrase closed, is asked again at the next
    /// keystroke), a prefix's only the second time. The word being typed
    /// is another prefix at every keystroke (`partic*`, then `partici*`),
    /// evaluated once and never replayed; copying out the records it
    /// matched (most of a library of a million, for a word's first
    /// letters) cost fresh memory and its page faults at every keystroke.
    func isWorthKeeping(_ key: Key, half: Int) -> Bool {
        guard case .prefix = key.atom else { return true }
        return contents.withLock { contents in
            guard let before = contents.entries[key]?.evaluated[half] else { return false }
            contents.entries[key]?.evaluated[half] = true
            return before
        }
    }

    func outcome(of key: Key, half: Int) -> Outcome? {
        contents.withLock { $0.entries[key]?.halves[half] }
    }

    /// Keeps an atom's outcome in one half, forgetting the least recently
    /// used other atoms while the outcomes hold more records than the budget.
    func keep(_ outcome: Outcome, of key: Key, half: Int) {
        guard outcome.hits.count <= Self.largestOutcome else { return }
        contents.withLock { contents in
            guard contents.entries[key] != nil else { return }
            contents.entries[key]?.halves[half] = outcome
            func held() -> Int { contents.entries.values.reduce(0) { $0 + $1.halves.reduce(0) { $0 + ($1?.hits.count ?? 0) } } }
            while held() > Self.recordBudget,
                  let oldest = contents.entries.filter({ $0.key != key }).min(by: { $0.value.used < $1.value.used })?.key {
                forget(oldest, in: &contents)
            }
        }
    }

    /// Forgets an atom, its outcomes' memory kept for the next outcomes.
    private func forget(_ key: Key, in contents: inout Contents) {
        for outcome in contents.entries.removeValue(forKey: key)?.halves ?? [] {
            if let outcome { outcomeMemory.keep(outcome.hits) }
        }
    }

    /// The ends of a phrase's words in one half, if they are the words
    /// of the phrase being typed and that half's were made.
    func phraseEnds(of words: [Int], half: Int) -> PhraseEnds? {
        contents.withLock { $0.phrase?.words == words ? $0.phrase?.halves[half] : nil }
    }

    /// Keeps the ends of a phrase's words in one half, forgetting another
    /// phrase's: those of one phrase at a time (21 bytes a record, 21 MB in
    /// a library of a million).
    func keep(_ ends: PhraseEnds, of words: [Int], half: Int) {
        contents.withLock { contents in
            if contents.phrase?.words != words { contents.phrase = (words, [nil, nil]) }
            contents.phrase?.halves[half] = ends
        }
    }

    /// The last query's results, if it had these atoms and ranked as many hits.
    func results(of atoms: QueryPlan.Atoms, ranked: Int) -> SearchResults? {
        contents.withLock { contents in
            guard let last = contents.last, last.atoms == atoms, last.ranked == ranked else { return nil }
            return last.results
        }
    }

    /// Keeps a query's results, for a next keystroke that plans the same
    /// atoms (their hits are shared with the caller's until either changes them).
    func keep(_ results: SearchResults, of atoms: QueryPlan.Atoms, ranked: Int) {
        contents.withLock { $0.last = (atoms, ranked, results) }
    }

    /// Forgets every atom, phrase and result (a benchmark types each query from nothing).
    func removeAll() {
        contents.withLock { contents in
            for key in Array(contents.entries.keys) { forget(key, in: &contents) }
            contents.phrase = nil
            contents.last = nil
        }
    }
}
