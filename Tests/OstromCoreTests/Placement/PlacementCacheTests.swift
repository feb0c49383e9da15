import Testing
import SyntheticLibrary
@testable import OstromCore

/// The cache keeps each record's summary — its suggestion and scores —
/// and makes the analysis with its evidence again when asked for it.
@Suite struct PlacementCacheTests {
    let records = SyntheticLibrary.records(count: 40)

    @Test func summariesAgreeWithTheAnalysesTheyAreMadeFrom() throws {
        let cache = PlacementCache(records: records)
        #expect(cache.summaryIfAnalysed(of: 3) == nil)
        cache.analyseAll()
        #expect(cache.isComplete && cache.progress.analysed == records.count)
        let engine = PlacementEngine()
        for (index, record) in records.enumerated() {
            let analysis = engine.analyse(record)
            let summary = try #require(cache.summaryIfAnalysed(of: index))
            #expect(summary.suggestion == analysis.suggestion)
            for finding in analysis.stages + analysis.levels + analysis.principles {
                #expect(summary.score(of: finding.name) == finding.score)
            }
            #expect(summary.score(of: "Peer support") == (analysis.finding(named: "Peer support")?.score ?? 0))
            #expect(cache.placement(of: index, user: nil).analysis == analysis)
            #expect(engine.summary(of: record) == summary)
        }
    }

    @Test func aRecordAskedForIsSummarisedAndTheUsersChoiceWins() {
        let cache = PlacementCache(records: records)
        let placement = cache.placement(of: 7, user: nil)
        #expect(cache.summaryIfAnalysed(of: 7) == nil)
        #expect(cache.summary(of: 7) == PlacementSummary(placement.analysis))
        #expect(cache.summaryIfAnalysed(of: 7) == PlacementSummary(placement.analysis))
        #expect(cache.progress.analysed == 1)
        let mine = PlacementChoice(stage: "Doing to", principles: ["Peer support"])
        #expect(cache.summary(of: 7).choice(user: mine) == mine)
        #expect(cache.summary(of: 7).choice(user: nil) == placement.analysis.suggestion)
    }
}
