import Testing
@testable import OstromCore
import SyntheticLibrary

/// An index of two halves, each searched on a core of its own, answers
/// every kind of query exactly as the same index in one: the same hits,
/// scores and order, the same words marked, the same approximate words.
@Suite struct IndexHalvesTests {
    private let records: [Record] = {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 600)
        RecordIdentifiers.assign(&records)
        return records
    }()

    /// Words, prefixes, stems, typos, phrases (of two words and of three,
    /// in a field), filters, exclusions, OR, and a query of exclusions only.
    private let queries = ["participation", "partic*", "volunteering", "accountabilty", "\"public services\"",
                           "\"the role of\"", "title:\"time bank\"", "author:pestoff", "year:2010..2020 health", "kind:event",
                           "type:article", "doi:10.", "health -care", "coproduction OR co-design", "-health", "zzzz", "co-design"]

    private func answer(_ index: SearchIndex, _ query: String, typing: Bool) throws -> SearchResults {
        let text = typing ? SearchQuery.typed(query, cursor: query.count) : query
        var results = index.search(try SearchQuery.parse(text, typing: typing))
        results.rankMore(upTo: results.hits.count)
        return results
    }

    @Test(arguments: [false, true]) func twoHalvesAnswerAsOne(typing: Bool) throws {
        let one = SearchIndex(records: records, halves: 1)
        let two = SearchIndex(records: records, halves: 2)
        #expect(one.splitDocument == records.count && two.splitDocument == (records.count + 1) / 2)
        let sample = records.map { [$0.title, $0.abstract ?? ""].joined(separator: " ") }.joined(separator: " ")
        var spanning = 0
        for query in queries {
            let (single, split) = (try answer(one, query, typing: typing), try answer(two, query, typing: typing))
            #expect(split.hits == single.hits, "\(query)")
            #expect(split.matchTerms.ranges(in: sample) == single.matchTerms.ranges(in: sample), "\(query)")
            #expect(split.approximateWords == single.approximateWords, "\(query)")
            if split.hits.contains(where: { $0.record < two.splitDocument }) && split.hits.contains(where: { $0.record >= two.splitDocument }) {
                spanning += 1
            }
        }
        // Most queries find records in both halves, so both were searched.
        #expect(spanning >= queries.count / 2)
    }

    @Test func eachListKnowsWhereItsSecondHalfStarts() {
        let two = SearchIndex(records: records, halves: 2)
        for (id, list) in two.postings.enumerated() {
            var firstHalf = 0
            list.forEach(half: 0) { document, _ in
                #expect(document < two.splitDocument, "term \(id)")
                firstHalf += 1
            }
            var secondHalf = 0
            list.forEach(half: 1) { document, _ in
                #expect(document >= two.splitDocument && document <= list.lastDocument, "term \(id)")
                secondHalf += 1
            }
            #expect(firstHalf + secondHalf == list.count, "term \(id)")
        }
    }
}

/// A prefix in a field spends its budget of postings on the words found in
/// that field: `author:m` finds Müller although a hundred common words of
/// the abstracts begin with m, more postings than the budget.
@Suite struct FieldPrefixTests {
    @Test func aPrefixInAFieldIsNotCrowdedOutByOtherFields() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let common: [String] = (0..<100).map { (number: Int) -> String in "m" + String(letters[number / 26]) + String(letters[number % 26]) }
        let count = TermExpansion.prefixPostingBudget / common.count + 100
        var records = (0..<count).map { number in
            var record = Record(id: "r\(number)", kind: .paper, title: "Record \(number)")
            record.abstract = common.joined(separator: " ")
            return record
        }
        records[7].authors = [Person(family: "Müller", given: "Anna")]
        let index = SearchIndex(records: records)
        for query in ["author:m*", "author:mu*"] {
            let hits = index.search(try SearchQuery.parse(query)).hits
            #expect(hits.map { $0.record } == [7], "\(query)")
        }
        let typed = index.search(try SearchQuery.parse(SearchQuery.typed("author:m", cursor: 8), typing: true))
        #expect(typed.hits.map { $0.record } == [7])
        // Without a field, the commonest words still take the budget.
        #expect(index.search(try SearchQuery.parse("m*")).hits.count == count)
    }
}
