import Testing
@testable import OstromCore
import SyntheticLibrary

/// Atoms kept from the keystrokes before give the answer a search from
/// nothing gives: the same hits, scores and order, the same words marked
/// and the same approximate words, keystroke after keystroke.
@Suite struct AtomCacheTests {
    private let queries = ["volunteers -health kind:paper", "\"public services\" OR co-design", "partic* year:2010..2020 -care",
                           "accountabilty title:\"time bank\"", "coproduction coproduction -zzzz"]

    /// The first 200 hits ranked, the rest in the order evaluation left them.
    private func answer(_ index: SearchIndex, _ query: SearchQuery) -> SearchResults {
        index.search(query)
    }

    @Test func keptAtomsAnswerAsAtomsEvaluatedAnew() {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 800)
        RecordIdentifiers.assign(&records)
        let (kept, fresh) = (SearchIndex(records: records, halves: 2), SearchIndex(records: records, halves: 2))
        let sample = records.prefix(40).map { [$0.title, $0.abstract ?? ""].joined(separator: " ") }.joined(separator: " ")
        var replayed = 0
        for query in queries {
            for length in 1...query.count {
                let typed = String(query.prefix(length))
                // A query half typed may not parse yet (`kind:`): the prompt then keeps its last hits.
                guard let parsed = try? SearchQuery.parse(SearchQuery.typed(typed, cursor: length), typing: true) else { continue }
                fresh.forgetQueries()
                let expected = answer(fresh, parsed)
                // Three times: every atom is kept by the second (a prefix evaluated twice), and replayed the third.
                for _ in 0..<3 {
                    let results = answer(kept, parsed)
                    #expect(results.hits == expected.hits, "\(typed)")
                    #expect(results.matchTerms.ranges(in: sample) == expected.matchTerms.ranges(in: sample), "\(typed)")
                    #expect(results.approximateWords == expected.approximateWords, "\(typed)")
                }
                replayed += kept.atoms.outcome(of: AtomCache.Key(atom: .term("volunteers", field: nil), typos: true), half: 1) == nil ? 0 : 1
            }
        }
        // The first atom was kept while the rest of its query was typed.
        #expect(replayed >= 15)
    }

    /// The working memory of a query is kept for the next (`Evaluations`):
    /// one index asked query after query (more clauses, fewer, exclusions,
    /// only exclusions, nothing matched) answers each as an index asked
    /// nothing before.
    @Test func workingMemoryKeptAnswersAsNew() throws {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 800)
        RecordIdentifiers.assign(&records)
        let asked = SearchIndex(records: records, halves: 2)
        let sequence = queries + ["-health", "zzzz", "volunteers", "-care -health", "coproduction year:2015..2020 -zzzz", "kind:paper"]
        for query in sequence + sequence.reversed() {
            let parsed = try SearchQuery.parse(query)
            let expected = SearchIndex(records: records, halves: 2).search(parsed)
            let results = asked.search(parsed)
            #expect(results.hits == expected.hits, "\(query)")
            #expect(results.hits.count == expected.hits.count && !(query == "-health" && results.hits.isEmpty), "\(query)")
        }
    }

    /// The word being typed is another prefix at every keystroke: a
    /// prefix's records are copied out to be replayed only when it is
    /// evaluated a second time, a word's and a phrase's the first time.
    /// A query of the same atoms as the last is not evaluated at all.
    @Test func aPrefixIsKeptTheSecondTimeItIsEvaluated() throws {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 800)
        RecordIdentifiers.assign(&records)
        let index = SearchIndex(records: records, halves: 2)
        let query = try SearchQuery.parse("partic*")
        let key = AtomCache.Key(atom: .prefix("partic", field: nil), typos: true)
        let first = index.search(query)
        #expect(!first.hits.isEmpty)
        #expect(index.atoms.outcome(of: key, half: 0) == nil && index.atoms.outcome(of: key, half: 1) == nil)
        // Asked again at once: the last query's results, nothing evaluated.
        #expect(index.search(query).hits == first.hits)
        #expect(index.atoms.outcome(of: key, half: 0) == nil && index.atoms.outcome(of: key, half: 1) == nil)
        let other = try SearchQuery.parse("volunteers")
        _ = index.search(other)
        #expect(index.search(query).hits == first.hits)
        #expect(index.atoms.outcome(of: key, half: 0) != nil && index.atoms.outcome(of: key, half: 1) != nil)
        _ = index.search(other)
        #expect(index.search(query).hits == first.hits)
        for (text, atom) in [("volunteers", SearchQuery.Atom.term("volunteers", field: nil)),
                             ("\"public services\"", .phrase("public services", field: nil))] {
            #expect(!index.search(try SearchQuery.parse(text)).hits.isEmpty)
            let key = AtomCache.Key(atom: atom, typos: true)
            #expect(index.atoms.outcome(of: key, half: 0) != nil && index.atoms.outcome(of: key, half: 1) != nil, "\(text)")
        }
    }

    /// A word typed on stands for the same words from some letter on
    /// (`coproduc`, `coproduct`…): a keystroke whose atoms plan the same
    /// steps as the last's gives the last results without evaluating
    /// anything (their hits are the same storage); one whose atoms plan
    /// other steps is evaluated.
    @Test func aWordTypedOnThatStandsForTheSameWordsIsNotEvaluatedAgain() throws {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 800)
        RecordIdentifiers.assign(&records)
        let index = SearchIndex(records: records, halves: 2)
        var last: (atoms: QueryPlan.Atoms, storage: UnsafePointer<SearchHit>?)?
        var same = 0
        for query in ["coproduction", "volunteers"] {
            for length in 1...query.count {
                let typed = try SearchQuery.parse(SearchQuery.typed(String(query.prefix(length)), cursor: length), typing: true)
                let atoms = QueryPlan(typed, index: index).atoms
                let results = index.search(typed)
                #expect(!results.hits.isEmpty)
                let storage = results.hits.withUnsafeBufferPointer(\.baseAddress)
                if let last, last.atoms == atoms {
                    same += 1
                    #expect(storage == last.storage, "\(query.prefix(length))")
                } else {
                    #expect(storage != last?.storage, "\(query.prefix(length))")
                }
                last = (atoms, storage)
            }
        }
        #expect(same >= 4)
    }

    /// A phrase is known by its words: the space typed after a word of an
    /// open phrase, or other punctuation between its words, makes no new
    /// atom to evaluate.
    @Test func aPhraseIsKnownByItsWords() throws {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 800)
        RecordIdentifiers.assign(&records)
        let index = SearchIndex(records: records, halves: 2)
        let typed = try SearchQuery.parse("\"public", typing: true)
        let first = index.search(typed)
        #expect(!first.hits.isEmpty)
        for text in ["public ", " Public", "public,"] {
            let key = AtomCache.Key(atom: .phrase(text, field: nil), typos: true)
            #expect(index.atoms.outcome(of: key, half: 0) != nil && index.atoms.outcome(of: key, half: 1) != nil, "\(text)")
        }
        #expect(index.search(try SearchQuery.parse("\"public ", typing: true)).hits == first.hits)
        let spaced = AtomCache.Key(atom: .phrase("public  services", field: nil), typos: true)
        #expect(spaced == AtomCache.Key(atom: .phrase("Public services.", field: nil), typos: true))
        #expect(spaced != AtomCache.Key(atom: .phrase("public services", field: .title), typos: true))
        #expect(spaced != AtomCache.Key(atom: .phrase("services public", field: nil), typos: true))
    }

    @Test func theLeastRecentlyUsedAtomIsForgottenFirst() {
        let cache = AtomCache()
        func key(_ word: String) -> AtomCache.Key { AtomCache.Key(atom: .term(word, field: nil), typos: true) }
        for number in 0..<AtomCache.capacity { _ = cache.step(for: key("w\(number)")) { .nothing } }
        _ = cache.step(for: key("w0")) { Issue.record("w0 was kept"); return .nothing }
        _ = cache.step(for: key("new")) { .nothing }
        var made: [String] = []
        _ = cache.step(for: key("w0")) { made.append("w0"); return .nothing }
        _ = cache.step(for: key("w1")) { made.append("w1"); return .nothing }
        #expect(made == ["w1"])
    }

    /// The memory of an outcome forgotten (the budget spent, the queries
    /// forgotten) is taken again for the next outcome kept: made for 65 536
    /// hits, it is told from memory made for fewer by its room.
    @Test func aForgottenOutcomesMemoryIsTakenAgain() {
        let cache = AtomCache()
        func key(_ word: String) -> AtomCache.Key { AtomCache.Key(atom: .term(word, field: nil), typos: true) }
        func keep(_ word: String, count: Int) {
            var hits = cache.outcomeMemory.take(count: count)
            hits.append(contentsOf: repeatElement(SearchHit(record: 1, score: 1), count: count))
            _ = cache.step(for: key(word)) { .nothing }
            cache.keep(AtomCache.Outcome(hits: hits, matched: [true]), of: key(word), half: 0)
        }
        keep("many", count: 40_000)
        #expect(cache.outcome(of: key("many"), half: 0)?.hits.capacity ?? 0 >= 65_536)
        keep("more", count: AtomCache.largestOutcome)
        keep("most", count: AtomCache.largestOutcome)
        #expect(cache.outcome(of: key("many"), half: 0) == nil)
        keep("fewer", count: 20_000)
        #expect(cache.outcome(of: key("fewer"), half: 0)?.hits.capacity ?? 0 >= 65_536)
        cache.removeAll()
        let taken = cache.outcomeMemory.take(count: 20_000)
        #expect(taken.isEmpty && taken.capacity >= 65_536)
    }

    @Test func keptRecordsStayWithinTheBudget() {
        let cache = AtomCache()
        func key(_ word: String) -> AtomCache.Key { AtomCache.Key(atom: .term(word, field: nil), typos: true) }
        let half = AtomCache.largestOutcome
        let outcome = AtomCache.Outcome(hits: [SearchHit](repeating: SearchHit(record: 1, score: 1), count: half), matched: [true])
        for word in ["a", "b", "c"] {
            _ = cache.step(for: key(word)) { .nothing }
            cache.keep(outcome, of: key(word), half: 0)
        }
        // Three halves of the budget: the first word's outcome is forgotten, the last two kept.
        #expect(cache.outcome(of: key("a"), half: 0) == nil)
        #expect(cache.outcome(of: key("b"), half: 0) != nil && cache.outcome(of: key("c"), half: 0) != nil)
        // An outcome larger than half the budget is not kept at all.
        _ = cache.step(for: key("d")) { .nothing }
        cache.keep(AtomCache.Outcome(hits: [SearchHit](repeating: SearchHit(record: 1, score: 1), count: half + 1), matched: [true]),
                   of: key("d"), half: 0)
        #expect(cache.outcome(of: key("d"), half: 0) == nil && cache.outcome(of: key("c"), half: 0) != nil)
    }
}
