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

/// The records each name's suggestions place there, kept as summaries are
/// made (the Ladder's "Placed here" reads them, not the library).
@Suite struct SuggestedPlacesTests {
    let records = SyntheticLibrary.records(count: 300)

    /// Worked out record by record: those analysed whose suggestion names
    /// `name`, best score first, then in library order.
    private func expected(on name: String, _ cache: PlacementCache) -> [SuggestedRecord] {
        records.indices.compactMap { index in
            guard let summary = cache.summaryIfAnalysed(of: index) else { return nil }
            let suggestion = summary.suggestion
            guard suggestion.stage == name || suggestion.level == name || suggestion.principles.contains(name) else { return nil }
            return SuggestedRecord(index: index, score: summary.score(of: name))
        }.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }
    }

    @Test func eachNameListsItsRecordsRankedWhateverTheOrderTheyWereMadeIn() {
        let cache = PlacementCache(records: records)
        let names = Set(PlacementEngine.builtIn.categoryNames)
        #expect(names.count > 10)
        // A few asked for one by one, backwards, then every record on both cores.
        for index in stride(from: 250, to: 0, by: -37) { _ = cache.summary(of: index) }
        for name in names {
            #expect(cache.suggested(on: name).records == expected(on: name, cache))
            #expect(cache.suggested(on: name).analysed == 7)
        }
        cache.analyseAll()
        var placed = 0
        for name in names {
            let suggested = cache.suggested(on: name)
            #expect(suggested.records == expected(on: name, cache) && suggested.analysed == records.count)
            placed += suggested.records.count
        }
        #expect(placed >= records.count / 2)
        #expect(cache.suggested(on: "no such name").records.isEmpty)
    }
}

/// The placement cache keeps records as the parts they came in, so that
/// appending one never copies those before it.
@Suite struct RecordPartsTests {
    @Test func recordsInPartsAreNumberedAsInOneList() {
        let records = SyntheticLibrary.records(count: 50)
        var parts = RecordParts(Array(records.prefix(1)))
        parts.append([])
        parts.append(Array(records[1..<20]))
        let held = parts
        parts.append(Array(records[20..<21]))
        parts.append(Array(records.dropFirst(21)))
        #expect(parts.count == 50 && parts.indices == records.indices)
        #expect(parts.indices.allSatisfy { parts[$0] == records[$0] })
        #expect(held.count == 20 && held.indices.allSatisfy { held[$0] == records[$0] })
        #expect(RecordParts([]).count == 0)
    }

    @Test func aCacheGivenPartsPlacesEveryRecordOfThem() {
        let records = SyntheticLibrary.records(count: 30)
        let cache = PlacementCache(records: Array(records.prefix(10)))
        cache.append(Array(records[10..<25]))
        cache.append(Array(records.dropFirst(25)))
        cache.analyseAll()
        #expect(cache.progress == (30, 30))
        #expect(records.indices.allSatisfy { cache.summaryIfAnalysed(of: $0) == PlacementEngine.builtIn.summary(of: records[$0]) })
    }
}
