import Foundation
import Testing
@testable import OstromCore
import SyntheticLibrary

/// The seeds and the importer fixtures, indexed.
private let library: [Record] = {
    let fixtures = try? Library.load(paths: [TestFiles.fixtures.path])
    var records = Library.builtIn().records + (fixtures?.records ?? [])
    RecordIdentifiers.assign(&records)
    return records
}()
private let index = SearchIndex(records: library)

/// The hits of a finished query or, `typing`, of one being typed with the
/// cursor at its end, as the prompt runs it.
private func ids(_ query: String, typing: Bool = false) throws -> [String] {
    let text = typing ? SearchQuery.typed(query, cursor: query.count) : query
    return index.search(try SearchQuery.parse(text, typing: typing)).hits.map { library[$0.record].id }
}

private func record(_ id: String, title: String, abstract: String? = nil, year: Int = 2020) -> Record {
    var record = Record(id: id, kind: .paper, title: title)
    record.citationKey = id
    record.abstract = abstract
    record.date = PartialDate(year: year)
    return record
}

@Suite struct SearchMatchingTests {
    @Test func foldsCaseAndDiacritics() throws {
        #expect(try ids("muller").sorted() == ["muller2016", "muller2019"])
        #expect(try ids("MÜLLER").sorted() == ["muller2016", "muller2019"])
        #expect(try ids("burgerinnen") == ["muller2016"])
        #expect(try ids("zolkowska") == ["muller2016"])
    }

    @Test func hyphensAndApostrophesDoNotMatter() throws {
        let hyphenated = try ids("co-production")
        let joined = try ids("coproduction")
        #expect(hyphenated == joined)
        #expect(joined.contains("tuurnas2016") && joined.contains("nabatchi2017"))
        #expect(try ids("production").contains("tuurnas2016"))
        #expect(try ids("peoples").contains("nef2014"))
        #expect(try ids("people's") == ids("peoples"))
    }

    @Test func chineseAndJapaneseByBigrams() throws {
        #expect(try ids("合作") .contains("body2021"))
        #expect(try ids("第三部门") == ["pestoff2012"])
        #expect(try ids("市民協働") == ["mori2020"])
        #expect(try ids("合").contains("body2021"))
    }

    @Test func theTermBeingTypedMatchesAsAPrefix() throws {
        #expect(try ids("conciliat", typing: true) == ["tuurnas2016"])
        #expect(try ids("conciliat").isEmpty)
        #expect(try ids("conciliat ", typing: true).isEmpty)
    }

    @Test func aWordFindsItsOtherFormsRankedBelowItself() throws {
        // nef2014 says "volunteering"; tuurnas2016 and body2021 say "volunteers".
        let volunteering = try ids("volunteering")
        #expect(volunteering.first == "nef2014")
        #expect(Set(volunteering).isSuperset(of: ["tuurnas2016", "body2021"]))
        #expect(try ids("participate").contains("mcmullin2018"))   // "participation"
        // A quoted word is that word only.
        #expect(try !ids("\"volunteering\"").contains("body2021"))
        // Another stem: "voluntary" is not "volunteer".
        let small = SearchIndex(records: [record("a", title: "Voluntary sector contracts"), record("b", title: "Why volunteers stay")])
        #expect(small.search(try SearchQuery.parse("volunteering")).hits.map { small.records[$0.record].id } == ["b"])
        // The stem groups come back from the index file (IndexFileTests) and are the vocabulary's.
        let stemmer = Stemmer()
        #expect(stemmer.stem(Array("volunteering".utf8)) == Array("volunt".utf8))
        #expect(stemmer.stem(Array("co".utf8)) == nil && stemmer.stem(Array("covid19".utf8)) == nil)
    }

    @Test func aStarMakesAPrefixInEveryField() throws {
        #expect(try ids("reciproc*") == ["nef2014"])
        #expect(try ids("reciproc") == ["nef2014"])              // its stem is reciprocal's
        #expect(try ids("concil").isEmpty == false && ids("concil").contains("tuurnas2016") == false)   // only words close to it
        #expect(try ids("concil*") == ["tuurnas2016"])
        #expect(try ids("title:accountab*") == ["tuurnas2016"])
        #expect(try ids("-concil* co-production").contains("tuurnas2016") == false)
        #expect(try Set(ids("co-prod*")).isSuperset(of: ["tuurnas2016", "nef2014", "body2021", "mcmullin2018", "loeffler2020"]))
        #expect(try SearchQuery.parse("* **").isEmpty)
    }

    @Test func onlyTheWordUnderTheCursorIsTakenAsAPrefix() {
        #expect(SearchQuery.typed("co-design year:2015..2020", cursor: 9) == "co-design* year:2015..2020")
        #expect(SearchQuery.typed("year:2015..2020 co-design", cursor: 25) == "year:2015..2020 co-design*")
        // The cursor at the end of the year: a year is not a word.
        #expect(SearchQuery.typed("co-design year:2015..2020", cursor: 25) == "co-design year:2015..2020")
        #expect(SearchQuery.typed("time bank", cursor: 4) == "time* bank")
        #expect(SearchQuery.typed("time bank", cursor: 2) == "time* bank")
        #expect(SearchQuery.typed("time bank ", cursor: 10) == "time bank ")
        #expect(SearchQuery.typed("title:parti", cursor: 11) == "title:parti*")
        #expect(SearchQuery.typed("-health", cursor: 7) == "-health*")
        for unchanged in ["\"time bank", "a OR", "kind:ev", "tag:ca", "stage:wi", "partic*", "title:", "-"] {
            #expect(SearchQuery.typed(unchanged, cursor: unchanged.count) == unchanged, "\(unchanged)")
        }
    }

    @Test func typosWithinOneEditFromFiveLettersAndTwoFromNine() throws {
        #expect(try ids("polcy").contains("body2021"))          // 5 letters, 1 edit
        #expect(try ids("acountabilty").contains("tuurnas2016")) // 12 letters, 2 edits
        #expect(try ids("srvce").isEmpty)                         // 5 letters, 2 edits
        let small = SearchIndex(records: [record("exact", title: "Volunteers"), record("near", title: "Volunteer")])
        let hits = small.search(try SearchQuery.parse("volunteers")).hits.map { small.records[$0.record].id }
        #expect(hits == ["exact", "near"])
        #expect(small.search(try SearchQuery.parse("volu")).hits.isEmpty) // 4 letters: no typos
    }
}

@Suite struct SearchQueryLanguageTests {
    @Test func termsMustAllMatchAndOrWidens() throws {
        #expect(try ids("volunteers accountability") == ["tuurnas2016"])
        let either = try ids("conciliation OR coerced")
        #expect(Set(either) == ["tuurnas2016", "body2021"])
        #expect(try ids("conciliation coerced").isEmpty)
    }

    @Test func aPhraseBeingTypedNarrowsBeforeItsClosingQuote() throws {
        #expect(try ids("\"frontline accountability", typing: true) == ["tuurnas2016"])
        #expect(throws: QueryError.self) { try SearchQuery.parse("\"frontline accountability") }
    }

    @Test func phrasesKeepWordOrder() throws {
        #expect(try ids("\"frontline accountability\"") == ["tuurnas2016"])
        #expect(try ids("\"accountability frontline\"").isEmpty)
        #expect(try ids("\"public service\"").contains("tuurnas2016"))
    }

    @Test func minusExcludes() throws {
        let all = try ids("co-production")
        let without = try ids("co-production -volunteers")
        #expect(all.contains("tuurnas2016") && !without.contains("tuurnas2016"))
        #expect(without.count < all.count)
        #expect(try ids("-co-production").allSatisfy { !all.contains($0) })
    }

    @Test func fields() throws {
        #expect(try ids("title:accountability") == ["tuurnas2016"])
        #expect(try ids("author:loeffler") == ["loeffler2020"])
        #expect(try ids("author:strathclyde") == ["loeffler2020"])
        #expect(try ids("abstract:coerced") == ["body2021"])
        #expect(try ids("body:reciprocity") == ["nef2014"])
        #expect(try ids("venue:\"voluntary sector review\"") == ["body2021"])
        #expect(Set(try ids("kind:event")) == Set(library.filter { $0.kind == .event }.map(\.id)))
        #expect(Set(try ids("type:book")) == ["muller2016"])
        #expect(Set(try ids("year:2016")) == Set(library.filter { $0.year == 2016 }.map(\.id)))
        #expect(Set(try ids("year:2019..2020")) == Set(library.filter { (2019...2020).contains($0.year ?? 0) }.map(\.id)))
        #expect(Set(try ids("year:>2020")) == Set(library.filter { ($0.year ?? 0) > 2020 }.map(\.id)))
        #expect(try ids("doi:10.1177/0020852314566010") == ["tuurnas2016"])
        #expect(try ids("doi:10.1177") == ["tuurnas2016"])
        #expect(Set(try ids("kind:transcript co-production")) == ["nef2014", "scie2016"])
    }

    @Test(arguments: [
        ("foo:bar", "unknown field “foo:” — use title: author: abstract: body: venue: kind: type: year: doi: tag: stage: level: principle:"),
        ("\"open phrase", "unclosed quote"),
        ("OR x", "OR needs a term before it"),
        ("x OR", "OR needs a term after it"),
        ("year:soon", "year: takes 2016, 2015..2020, >2018 or <2000"),
        ("kind:book", "kind: is one of paper, event, transcript, note"),
        ("title:", "title: needs a value"),
    ])
    func malformedQueriesSayWhatIsWrong(query: String, message: String) {
        #expect(throws: QueryError.self) { try SearchQuery.parse(query) }
        do {
            _ = try SearchQuery.parse(query)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func orIsAWordOfItsOwnAndQuotesInARowAreEmptyPhrases() throws {
        #expect(try SearchQuery.parse("time OR bank").clauses.count == 1)
        #expect(try SearchQuery.parse("ORANGE ORb").clauses.count == 2)
        #expect(try SearchQuery.parse("a OR\tb").clauses.count == 1)
        // 20 000 quotes took 24 s when each step measured the whole run again.
        let quotes = try SearchQuery.parse(String(repeating: "\"", count: 20_000))
        #expect(quotes.clauses.count == 10_000)
    }

    @Test func arbitraryInputNeverCrashes() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("ab \"-:OR()yeartitle>.<2019合é\\\t")
        for _ in 0..<2000 {
            let text = String((0..<random.next(20)).map { _ in alphabet[random.next(alphabet.count)] })
            if let query = try? SearchQuery.parse(text, typing: true) { _ = index.search(query) }
        }
    }
}

@Suite struct SearchRankingTests {
    @Test func titleOutranksAbstractAndRecencyBreaksTies() throws {
        let small = SearchIndex(records: [
            record("inabstract", title: "Something else", abstract: "A study of time banking in towns."),
            record("intitle", title: "Time banking", abstract: "A study in towns."),
            record("older", title: "Peer support", year: 2001),
            record("newer", title: "Peer support", year: 2019),
        ])
        #expect(small.search(try SearchQuery.parse("banking")).hits.map { small.records[$0.record].id } == ["intitle", "inabstract"])
        #expect(small.search(try SearchQuery.parse("peer")).hits.map { small.records[$0.record].id } == ["newer", "older"])
    }

    @Test func theRankClassesDecideBeforeBM25F() throws {
        let small = SearchIndex(records: [
            // The word many times in a long abstract…
            record("abstract", title: "Asset-based approaches", abstract: "Reciprocity, reciprocity and reciprocity again.", year: 2024),
            // …comes after the word once in the title, then its stem in the title.
            record("title", title: "A long title that ends with reciprocity among neighbours and friends in towns", year: 2001),
            record("stem", title: "Reciprocal relationships", year: 2001),
            // Two words side by side in the title come before the same words apart.
            record("apart", title: "Bank and time", year: 2024),
            record("phrase", title: "A time bank for older people", year: 2001),
        ])
        func ranked(_ query: String) throws -> [String] { small.search(try SearchQuery.parse(query)).hits.map { small.records[$0.record].id } }
        #expect(try ranked("reciprocity") == ["title", "stem", "abstract"])
        #expect(try ranked("time bank") == ["phrase", "apart"])
        // A filter between the words leaves them next to each other.
        #expect(try ranked("time kind:paper bank") == ["phrase", "apart"])
        // A typo matches only a word that matches nothing, and counts 0.
        let approximate = small.search(try SearchQuery.parse("reciprocty"))
        #expect(Set(approximate.hits.map { small.records[$0.record].id }) == ["title", "abstract", "stem"])
        #expect(approximate.hits.allSatisfy { $0.score < RankClass.unit })
        #expect(small.search(try SearchQuery.parse("reciprocty")).approximateWords == ["reciprocty"])
        #expect(small.search(try SearchQuery.parse("reciprocity")).approximateWords.isEmpty)
    }

    @Test func snippetIsTheBestSentenceWithMatchesMarked() throws {
        let results = index.search(try SearchQuery.parse("coerced co-production"))
        let hit = try #require(results.hits.first)
        #expect(library[hit.record].id == "body2021")
        let snippet = Snippet.best(for: library[hit.record], matching: results.matchTerms)
        #expect(snippet.marked.contains("«coerced» into «co-production»"))
    }

    @Test func rankingOnlySortsWhatIsAskedButCountsEverything() throws {
        let records = SyntheticLibrary.records(count: 3000)
        let big = SearchIndex(records: records)
        var results = big.search(try SearchQuery.parse("services"), ranked: 10)
        let total = results.hits.count
        #expect(results.rankedCount == 10)
        results.rankMore(upTo: total)
        let scores = results.hits.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(results.hits.count == total)
        let fresh = big.search(try SearchQuery.parse("services"), ranked: total)
        #expect(fresh.hits.prefix(10).map(\.record) == results.hits.prefix(10).map(\.record))
    }
}

/// On a generated library, AND of exact terms gives exactly the records a
/// naive scan of their folded words gives.
@Suite struct SearchAgainstANaiveScanTests {
    @Test func andOfTwoTermsMatchesANaiveScan() throws {
        let records = SyntheticLibrary.records(count: 1500, seed: 99)
        let big = SearchIndex(records: records)
        var tokenizer = SearchTokenizer()
        let words: [Set<String>] = records.map { record in
            Set(SearchField.allCases.flatMap { $0.texts(of: record) }.flatMap { tokenizer.terms($0) })
        }
        for (first, second) in [("citizens", "trust"), ("muller", "governance"), ("coproduction", "austerity"), ("volunteers", "schools")] {
            let query = try SearchQuery.parse("\"\(first)\" \"\(second)\"")
            let found = Set(big.search(query).hits.map(\.record))
            let expected = Set(words.indices.filter { words[$0].contains(first) && words[$0].contains(second) })
            #expect(found == expected, "\(first) \(second)")
            #expect(!expected.isEmpty)
        }
    }
}

/// A library big enough to be indexed in two parts on two cores gives the
/// same hits and scores as the same library indexed in one part.
@Suite struct ParallelIndexTests {
    @Test func twoPartsMergeIntoTheSameIndexAsOne() throws {
        let records = SyntheticLibrary.records(count: SearchIndex.parallelThreshold + 500, seed: 5)
        let whole = SearchIndex(records: records)
        let firstHalf = SearchIndex(records: Array(records.prefix(1000)))
        for text in ["co-production trust", "\"public services\"", "author:muller", "partic", "accountabilty"] {
            let query = try SearchQuery.parse(SearchQuery.typed(text, cursor: text.count), typing: true)
            let merged = whole.search(query, ranked: Int.max)
            // Records of the first 1000 keep their order relative to each other.
            let early = merged.hits.filter { $0.record < 1000 }.map(\.record)
            let alone = firstHalf.search(query, ranked: Int.max).hits.map(\.record)
            #expect(Set(early) == Set(alone), "\(text)")
            #expect(!merged.hits.isEmpty, "\(text)")
        }
        // The last record is found by its own DOI and title words.
        let last = try #require(records.last)
        let byDOI = whole.search(try SearchQuery.parse("doi:" + (last.doi ?? ""))).hits.map(\.record)
        #expect(byDOI == [records.count - 1])
        let phrase = "\"" + last.title.split(separator: " ").prefix(3).joined(separator: " ") + "\""
        #expect(whole.search(try SearchQuery.parse(phrase)).hits.map(\.record).contains(records.count - 1))
    }
}

/// The browser's index, built on another thread, answers as the index
/// built in place does; asking for it waits until it is built.
@Suite struct IndexInBackgroundTests {
    @Test func answersAsTheIndexBuiltInPlace() throws {
        let records = SyntheticLibrary.records(count: 5000, seed: 11)
        let background = IndexInBackground(records: records)
        let query = try SearchQuery.parse("volunteers -health")
        let expected = SearchIndex(records: records).search(query, ranked: 50).hits
        let hits = background.index.search(query, ranked: 50).hits
        #expect(background.isReady)
        #expect(!hits.isEmpty && hits.map(\.record) == expected.map(\.record) && hits.map(\.score) == expected.map(\.score))
    }

    /// A small library gains nothing from a thread: its index is there at once.
    @Test func aSmallLibraryIsIndexedAtOnce() {
        #expect(IndexInBackground(records: SyntheticLibrary.records(count: IndexInBackground.backgroundThreshold - 1)).isReady)
    }
}
