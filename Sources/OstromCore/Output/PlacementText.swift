/// A placement as readable text for `ostrom show` and `ostrom place`: the
/// stage, level and principles, who set them, and the evidence sentences
/// with the matched words in «guillemets».
public enum PlacementText {
    public static func render(_ placement: RecordPlacement, placeAt: Int, width: Int = 80, evidence: Bool = true) -> [String] {
        let choice = placement.choice
        let who = placement.setBy == .user ? "set by you" : "suggested from the text"
        var lines = ["On the ladder (\(who))"]
        func field(_ label: String, _ value: String) {
            let wrapped = TextWrapping.wrap(TerminalSafeText.sanitize(value), width: max(10, width - 14))
            for (index, part) in wrapped.enumerated() {
                lines.append((index == 0 ? "  " + TextWrapping.pad(label, width: 10) + "  " : String(repeating: " ", count: 14)) + part)
            }
        }
        func unplaced(_ findings: [Finding]) -> String {
            placement.setBy == .user ? "not placed" : "not placed — " + unplacedReason(findings, placeAt: placeAt)
        }
        field("Stage", choice.stage.map { "\($0) (score \(placement.score(of: $0)))" } ?? unplaced(placement.analysis.stages))
        field("Level", choice.level.map { "\($0) (score \(placement.score(of: $0)))" } ?? unplaced(placement.analysis.levels))
        field("Principles", choice.principles.isEmpty ? "none shown"
            : placement.principles.map { "\($0.name) (\($0.score))" }.joined(separator: ", "))
        if placement.setBy == .user {
            let suggestion = placement.analysis.suggestion
            field("Suggested", [suggestion.stage ?? "no stage", suggestion.level ?? "no level"].joined(separator: ", ")
                + (suggestion.principles.isEmpty ? "" : "; " + suggestion.principles.joined(separator: ", ")))
        }
        guard evidence else { return lines }
        let all = placement.analysis.stages + placement.analysis.levels + placement.analysis.principles.sorted { $0.score > $1.score }
        // Weak words alone are hints, not evidence; the chosen ones always show.
        let findings = all.filter { $0.strongest >= 2 || placement.choice.principles.contains($0.name) }
        guard !findings.isEmpty else {
            return lines + ["", all.isEmpty ? "No evidence: the text uses none of the lexicon's words." : "No evidence: only weak words (\(all.map(\.name).joined(separator: ", ")))."]
        }
        lines += ["", "Evidence"]
        for finding in findings {
            let more = finding.sentenceCount > finding.evidence.count ? ", best \(finding.evidence.count) of \(finding.sentenceCount) sentences" : ""
            lines.append("  \(finding.name) — score \(finding.score)\(more)")
            for sentence in finding.evidence {
                let wrapped = TextWrapping.wrap(TerminalSafeText.sanitize(sentence.marked), width: max(10, width - 6))
                for (index, part) in wrapped.enumerated() { lines.append((index == 0 ? "    • " : "      ") + part) }
            }
        }
        return lines
    }

    /// Why no stage or level was suggested: too little evidence, or a tie.
    public static func unplacedReason(_ findings: [Finding], placeAt: Int) -> String {
        let ranked = findings.sorted { $0.score > $1.score }
        guard let best = ranked.first else { return "no evidence" }
        if ranked.count > 1, ranked[1].score == best.score, best.score >= placeAt {
            return "\(best.name) and \(ranked[1].name) tie at \(best.score)"
        }
        return "too little evidence (best: \(best.name), \(best.score); needs \(placeAt) with a strong or medium term)"
    }
}
