import Testing
@testable import OstromCore

/// The verdicts that say why a stage or level is not placed, and the text
/// `show` and `place` print from them.
@Suite struct PlacementTextTests {
    let engine = PlacementEngine()

    @Test func verdictsSayWhyNothingWasPlaced() {
        #expect(engine.analyse("Stir the flour in.").stageVerdict == .noEvidence)
        #expect(engine.analyse("Co-production matters.").stageVerdict == .tooLittle(best: "Doing with", score: 1, needed: 3))
        let tie = engine.analyse("Some residents were coerced. Others shared power.").stageVerdict
        #expect(tie == .tie("Doing to", "Doing with", score: 3) || tie == .tie("Doing with", "Doing to", score: 3))
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
}
