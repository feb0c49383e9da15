/// The ladder model as text for `ostrom ladder`: the stages drawn top
/// (doing with) to bottom (doing to), then types, principles, what
/// co-production is not, the stories, the definitions and the matrix.
public enum LadderText {
    public static func render(_ model: LadderModel, width: Int = 80) -> String {
        var lines = ["A ladder of co-production (nef transcript, \(model.source.file))", ""]
        for (index, stage) in model.stages.enumerated().reversed() {
            lines.append("  \(index + 1) ┃ \(stage.name.uppercased()) — \(stage.summary ?? "")")
            lines += wrapped("“\(stage.passage)” [\(span(stage.lines))]", indent: "    ┃   ", width: width)
            lines.append("    ┃")
        }
        lines.removeLast()
        lines += section("Types of co-production", model.types, width: width)
        lines += section("The six principles", model.principles, width: width)
        lines += section("What co-production is not", model.notCoProduction, width: width)
        lines += ["", "Stories of co-production"]
        for story in model.stories {
            lines.append("  \(story.name) — principles: \(story.principles.joined(separator: ", "))")
            lines += wrapped(story.text + " [\(span(story.lines))]", indent: "      ", width: width)
            for reason in story.why {
                lines += wrapped("why: “\(reason.text)” → \(reason.principles.joined(separator: ", ")) [\(span(reason.lines))]",
                                 indent: "      ", width: width)
            }
        }
        lines += section("Definitions", model.definitions, width: width)
        lines += ["", "The public service matrix (\(model.matrix.rowAxis.text) × \(model.matrix.columnAxis.text))"]
        for (rowIndex, row) in model.matrix.rows.enumerated() {
            lines.append("  \(row):")
            for (columnIndex, column) in model.matrix.columns.enumerated() {
                lines += wrapped("\(column): \(model.matrix.cells[rowIndex][columnIndex])", indent: "      ", width: width)
            }
        }
        lines += wrapped(model.matrix.source, indent: "  ", width: width)
        return lines.map { TerminalSafeText.sanitize($0) }.joined(separator: "\n") + "\n"
    }

    /// Where the records sit: each stage top down, then the levels and
    /// principles, each with its records ranked by evidence.
    public static func placements(_ placements: [(id: String, placement: RecordPlacement)], model: LadderModel, width: Int = 80) -> String {
        var lines = ["Records on the ladder (* set by you; the number is the evidence's score)"]
        func list(_ name: String, _ placed: [(id: String, placement: RecordPlacement)]) {
            let ranked = placed.sorted { $0.placement.score(of: name) > $1.placement.score(of: name) }
            let ids = ranked.map { ($0.placement.setBy == .user ? "*" : "") + "\($0.id) \($0.placement.score(of: name))" }
            lines += wrapped("\(name): " + (ids.isEmpty ? "—" : ids.joined(separator: ", ")), indent: "  ", width: width)
        }
        for stage in model.stages.reversed() { list(stage.name, placements.filter { $0.placement.choice.stage == stage.name }) }
        list("Not placed", placements.filter { $0.placement.choice.stage == nil })
        lines.append("")
        for level in model.types { list(level.name, placements.filter { $0.placement.choice.level == level.name }) }
        lines.append("")
        for principle in model.principles { list(principle.name, placements.filter { $0.placement.choice.principles.contains(principle.name) }) }
        return lines.map { TerminalSafeText.sanitize($0) }.joined(separator: "\n") + "\n"
    }

    private static func section(_ title: String, _ items: [LadderModel.Item], width: Int) -> [String] {
        var lines = ["", title]
        for item in items {
            lines.append("  \(item.name)" + (item.summary.map { " — " + $0 } ?? ""))
            lines += wrapped("“\(item.passage)” [\(span(item.lines))]", indent: "      ", width: width)
        }
        return lines
    }

    private static func wrapped(_ text: String, indent: String, width: Int) -> [String] {
        TextWrapping.wrap(text, width: max(10, width - DisplayWidth.of(indent))).map { indent + $0 }
    }

    private static func span(_ lines: [Int]) -> String {
        lines.count == 2 && lines[0] != lines[1] ? "lines \(lines[0])–\(lines[1])" : "line \(lines.first ?? 0)"
    }
}
