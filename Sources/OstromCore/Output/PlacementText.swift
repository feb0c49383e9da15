/// A placement as readable text for `ostrom show` and `ostrom place`: the
/// stage, level and principles, who set them, and the evidence sentences
/// with the matched words in «guillemets».
public enum PlacementText {
    public static func render(_ placement: RecordPlacement, width: Int = 80, evidence: Bool = true) -> [String] {
        let choice = placement.choice
        let who = placement.setBy == .user ? "set by you" : "suggested from the text"
        var lines = ["On the ladder (\(who))"]
        func field(_ label: String, _ value: String) {
            let wrapped = TextWrapping.wrap(TerminalSafeText.sanitize(value), width: max(10, width - 14))
            for (index, part) in wrapped.enumerated() {
                lines.append((index == 0 ? "  " + TextWrapping.pad(label, width: 10) + "  " : String(repeating: " ", count: 14)) + part)
            }
        }
        func unplaced(_ verdict: Verdict) -> String {
            placement.setBy == .user ? "not placed" : "not placed — \(verdict)"
        }
        field("Stage", choice.stage.map { "\($0) (score \(placement.score(of: $0)))" } ?? unplaced(placement.analysis.stageVerdict))
        field("Level", choice.level.map { "\($0) (score \(placement.score(of: $0)))" } ?? unplaced(placement.analysis.levelVerdict))
        field("Principles", choice.principles.isEmpty ? "none shown"
            : placement.principles.map { "\($0.name) (\($0.score))" }.joined(separator: ", "))
        if placement.setBy == .user {
            field("Suggested", placement.analysis.suggestion.summary)
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
}
