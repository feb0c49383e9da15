import Testing
@testable import OstromCore
import SyntheticLibrary

/// The verdicts that say why a stage or level is not placed, and the text
/// `show` and `place` print from them.
@Suite struct PlacementTextTests {
    let engine = PlacementEngine()

    @Test func verdictsSayWhyNothingWasPlaced() {
        #expect(engine.analyse("Stir the flour in.").stageVerdict == .noEvidence)
        #expect(engine.analyse("Co-production matters.").stageVerdict == .tooLittle(best: "Doing with", score: 1, needed: 3))
        let tie = engine.analyse("Some residents were coerced. Others shared power.").stageVerdict
        // The first in the lexicon's order is named first.
        #expect(tie == .tie("Doing to", "Doing with", score: 3))
        #expect(engine.analyse("Others shared power. Some residents were coerced.").stageVerdict == tie)
        #expect(tie.description.hasSuffix("tie at 3"))
        #expect(engine.analyse("Residents shared power.").stageVerdict == .placed("Doing with"))
    }

    @Test func suggestedAndUserPlacesPrintTheirOwnWay() {
        let analysis = engine.analyse("Co-production matters. Carers help each other in peer support groups.")
        let suggested = PlacementText.render(RecordPlacement(analysis: analysis), width: 200)
        #expect(suggested.contains("  Stage       not placed — too little evidence (best: Doing with, 1; needs 3 with a strong or medium term)"))
        #expect(suggested.contains("  Principles  Peer support (6)"))
        // Weak words alone are not listed as evidence.
        #expect(suggested.contains("  Peer support — score 6"))
        #expect(!suggested.contains { $0.hasPrefix("  Doing with — ") })
        let mine = PlacementText.render(RecordPlacement(analysis: analysis, user: PlacementChoice(level: "Intermediate")), evidence: false)
        #expect(mine == [
            "On the ladder (set by you)",
            "  Stage       not placed",
            "  Level       Intermediate (score 0)",
            "  Principles  none shown",
            "  Suggested   no stage; no level; Peer support",
        ])
    }

    /// A summary is decided from the scores alone, apart from the analysis
    /// and its findings: the same suggestion and scores, for texts with
    /// ties, principles of equal and unequal scores, and keywords.
    @Test func summariesDecideAsTheAnalysisDoes() throws {
        var records = SyntheticLibrary.records(count: 200)
        let texts = ["Some residents were coerced. Others shared power.", "Carers help each other in peer support groups. Co-production matters.",
                     "Residents shared power; carers help each other in peer support groups and build on their capabilities."]
        for (index, text) in texts.enumerated() { records[index].abstract = text }
        records[3].keywords = ["", "peer support", "co-production; power"]
        var summaries = PlacementEngine.Summaries(engine: engine)
        var ties = 0
        for record in records {
            let analysis = engine.analyse(record)
            #expect(summaries.summary(of: record) == PlacementSummary(analysis))
            // Principles by score, equal ones in the lexicon's order.
            let order = engine.categoryNames
            let principles = try analysis.suggestion.principles.map { try #require(analysis.finding(named: $0)) }
            for (first, second) in zip(principles, principles.dropFirst()) {
                #expect(first.score > second.score || (first.score == second.score && order.firstIndex(of: first.name)! < order.firstIndex(of: second.name)!))
            }
            if case .tie = analysis.stageVerdict { ties += 1 }
            if case .tie = analysis.levelVerdict { ties += 1 }
        }
        #expect(ties > 0)
    }
}
