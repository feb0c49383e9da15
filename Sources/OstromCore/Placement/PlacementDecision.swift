/// How a text's scores become a place on the ladder, the same for the
/// analysis (with its evidence) and for the summary (without): a stage or
/// level is placed when it is supported and scores more than every other
/// of its kind; a principle when it is supported.
struct PlacementDecision: Sendable {
    /// The lexicon's `placeAt`.
    let placeAt: Int

    /// One stage, level or principle's evidence over a text, in the lexicon's order.
    struct Scored {
        var kind: CompiledCategory.Kind
        var name: String
        var score: Int
        var strongest: Int
    }

    /// The verdicts on the stage and the level, and the suggestion.
    func decide(_ scored: [Scored]) -> (stage: Verdict, level: Verdict, suggestion: PlacementChoice) {
        let stage = verdict(scored, .stage), level = verdict(scored, .level)
        // The supported principles, the higher scores first, equal ones in the lexicon's order.
        var placed: [Scored] = []
        for principle in scored where principle.kind == .principle && isSupported(principle) {
            placed.insert(principle, at: placed.firstIndex { principle.score > $0.score } ?? placed.count)
        }
        return (stage, level, PlacementChoice(stage: stage.name, level: level.name, principles: placed.map(\.name)))
    }

    /// Evidence enough: the score reaches `placeAt` with a match of weight
    /// 2 or more. Principles need this; a stage or level also the lead.
    private func isSupported(_ scored: Scored) -> Bool {
        scored.score >= placeAt && scored.strongest >= 2
    }

    /// The best of a kind is the first with the highest score; another
    /// as high after it makes a tie.
    private func verdict(_ scored: [Scored], _ kind: CompiledCategory.Kind) -> Verdict {
        var best: Scored?
        var tied: Scored?
        for candidate in scored where candidate.kind == kind {
            if let leader = best, candidate.score <= leader.score {
                if candidate.score == leader.score, tied == nil { tied = candidate }
                continue
            }
            best = candidate
            tied = nil
        }
        guard let best else { return .noEvidence }
        guard isSupported(best) else { return .tooLittle(best: best.name, score: best.score, needed: placeAt) }
        if let tied { return .tie(best.name, tied.name, score: best.score) }
        return .placed(best.name)
    }
}
