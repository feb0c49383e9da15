import OstromCore

extension PlacementSummary {
    /// The summary of an analysis, made from its findings: what
    /// `PlacementEngine.Summaries` must make of the same text from the
    /// scores alone.
    init(_ analysis: PlacementAnalysis) {
        self.init(suggestion: analysis.suggestion,
                  scores: (analysis.stages + analysis.levels + analysis.principles).map { (name: $0.name, score: $0.score) })
    }
}
