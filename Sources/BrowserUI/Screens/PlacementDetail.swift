import OstromCore
import TerminalCanvas

/// A record's place on the ladder in the detail pane: fields under the
/// record's own, and the evidence sentences with their matched words marked.
enum PlacementDetail {
    /// The place as detail fields, under the record's own.
    static func fields(_ placement: RecordPlacement) -> [(String, String)] {
        let choice = placement.choice
        let place = [choice.stage ?? "no stage", choice.level].compactMap { $0 }.joined(separator: " · ")
        let who = placement.setBy == .user ? "set by you" : "suggested"
        var fields = [("Ladder", "\(place) (\(who); L goes there, p changes it)")]
        if !choice.principles.isEmpty {
            fields.append(("Principles", placement.principles.map { "\($0.name) \($0.score)" }.joined(separator: ", ")))
        }
        return fields
    }

    /// The findings worth showing (a match weighing 2 or more, or chosen),
    /// each with its best two sentences.
    static func evidence(_ placement: RecordPlacement, width: Int) -> [StyledLine] {
        let analysis = placement.analysis
        let findings = (analysis.stages + analysis.levels + analysis.principles.sorted { $0.score > $1.score })
            .filter { $0.strongest >= 2 || placement.choice.principles.contains($0.name) }
        guard !findings.isEmpty else { return [] }
        var lines: [StyledLine] = [.blank, StyledLine("Evidence for the ladder", .heading)]
        for finding in findings {
            lines.append(StyledLine("\(finding.name) — score \(finding.score)", .label))
            for evidence in finding.evidence.prefix(2) {
                lines += StyledLine.wrapped(evidence.sentence, marks: evidence.marks, width: width)
            }
        }
        return lines
    }
}
