import Testing
@testable import OstromCore
import SyntheticLibrary

/// Ranking many hits passes over them on two cores, half each: the hits
/// ranked are those a full sort puts first, whichever half they were in,
/// and none is lost or repeated.
@Suite struct SearchResultsRankingTests {
    @Test func hitsRankedInTwoHalvesAreThoseAFullSortPutsFirst() {
        var random = SplitMix64(seed: 31)
        for (count, layout) in [(150_000, "shuffled"), (150_000, "best last"), (70_000, "best first"), (3_000, "shuffled")] {
            let years = (0..<count).map { _ in Int16(1990 + random.next(35)) }
            // Scores in steps of 0.01, so that many tie and the year and the record decide.
            var hits = (0..<count).map { SearchHit(record: $0, score: Float(random.next(2_000)) / 100) }
            if layout == "best last" { hits.sort { $0.score < $1.score } }
            if layout == "best first" { hits.sort { $0.score > $1.score } }
            let expected = hits.sorted { RankKey($0, year: years[$0.record]) > RankKey($1, year: years[$1.record]) }
            var results = SearchResults(hits: hits, matchTerms: MatchTerms.Builder().terms, rankedCount: 0, years: years)
            for target in [10, 200, 5_000, count] {
                results.rankMore(upTo: target)
                #expect(results.hits.prefix(target) == expected.prefix(target), "\(layout), \(count) hits, \(target) ranked")
                #expect(results.hits.map(\.record).sorted() == Array(0..<count), "\(layout), \(count) hits, \(target) ranked")
            }
        }
    }
}
