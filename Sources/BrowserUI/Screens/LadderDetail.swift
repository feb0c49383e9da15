import OstromCore
import TerminalCanvas

/// The Ladder tab: its list rows (the stages drawn as rungs) and the
/// detail of the selected entry.
enum LadderDetail {
    static func row(for entry: LadderEntry) -> StyledLine {
        switch entry.kind {
        case .heading:
            return StyledLine(entry.title.uppercased(), .heading)
        case .stage(let index):
            return StyledLine([.init(text: " ╟──╢ ", role: .rung), .init(text: "\(index + 1) " + entry.title, role: .rung)])
        default:
            return StyledLine("   " + entry.title)
        }
    }

    static func lines(for entry: LadderEntry, model: LadderModel, width: Int) -> [StyledLine] {
        var lines = StyledLine.wrapped(entry.title, width: width, role: .title)
        switch entry.kind {
        case .heading:
            return lines
        case .story(let story):
            lines += [.blank] + StyledLine.field("Principles", story.principles.joined(separator: ", "), labelWidth: 10, width: width)
            lines += [.blank] + StyledLine.wrapped("“" + story.text + "”", width: width)
            lines += [.blank, StyledLine("Why is this co-production?", .heading)]
            for reason in story.why {
                lines += StyledLine.wrapped("• " + reason.text, width: width)
                lines += StyledLine.wrapped("→ " + reason.principles.joined(separator: ", "), width: width, role: .dim, indent: 2)
            }
            lines += [.blank, StyledLine("Enter: open the story in the transcript (lines \(story.lines[0])–\(story.lines[1]))", .dim)]
        case .matrix:
            lines += matrix(model.matrix, width: width)
            lines += [.blank, StyledLine("Enter: open the matrix in the transcript (line \(model.matrix.columnAxis.lines[0]))", .dim)]
        default:
            guard let item = entry.item else { return lines }
            if let heading = item.heading { lines += StyledLine.wrapped("In the transcript: " + heading, width: width, role: .dim) }
            if let summary = item.summary { lines += [.blank] + StyledLine.wrapped(summary, width: width, role: .label) }
            lines += [.blank] + StyledLine.wrapped("“" + item.passage + "”", width: width)
            let span = item.lines[0] == item.lines[1] ? "line \(item.lines[0])" : "lines \(item.lines[0])–\(item.lines[1])"
            lines += [.blank, StyledLine("Enter: open the passage in the transcript (\(span))", .dim)]
        }
        return lines
    }

    /// The "Placed here" list under a stage, level or principle: its
    /// heading, then its rows; the selected row is highlighted while the
    /// detail pane has the focus.
    static func placed(_ items: [PlacedItem], state: AppState, selected: Int?, width: Int) -> (heading: [StyledLine], rows: PlacedRows) {
        let hint = items.isEmpty ? "nothing in this library" : selected == nil ? "Tab, then j/k and Enter, opens one" : "Enter opens; q comes back"
        return ([.blank, StyledLine("Placed here (\(items.count)) — \(hint)", .heading)],
                PlacedRows(items: items, records: state.records, stories: state.ladder?.stories ?? [], selected: selected, width: width))
    }

    /// The rows of "Placed here", each made when drawn.
    struct PlacedRows {
        let items: [PlacedItem]
        let records: [Record]
        let stories: [LadderModel.Story]
        let selected: Int?
        let width: Int

        var count: Int { items.count }

        func line(_ row: Int) -> StyledLine {
            let text: String
            switch items[row] {
            case .record(let index, let score, let setByUser):
                let record = records[index]
                text = String(format: "%4d ", score) + (setByUser ? "*" : " ") + record.id + "  " + record.displayTitle
            case .story(let index, let score):
                text = String(format: "%4d  ", score) + "story  " + (stories.indices.contains(index) ? stories[index].name : "")
            }
            let role: StyleRole = row == selected ? .selection : .normal
            return StyledLine(TextWrapping.pad(TerminalSafeText.sanitize(text), width: width), role)
        }
    }

    /// The 3×3 matrix as a table: columns "who plans", rows "who delivers".
    static func matrix(_ matrix: LadderModel.Matrix, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = [.blank, StyledLine("Rows: \(matrix.rowAxis.text)   Columns: \(matrix.columnAxis.text)", .label)]
        let columnWidth = max(6, (width - 4) / 4)
        func tableRow(_ cells: [String], roles: [StyleRole]) -> [StyledLine] {
            let wrapped = cells.map { TextWrapping.wrap($0, width: columnWidth) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { row in
                StyledLine(wrapped.enumerated().flatMap { column, parts in
                    [StyledLine.Span(text: TextWrapping.pad(row < parts.count ? parts[row] : "", width: columnWidth), role: roles[column]),
                     StyledLine.Span(text: column < cells.count - 1 ? "│" : "", role: .border)]
                })
            }
        }
        let rule = StyledLine(String(repeating: "─", count: min(width, columnWidth * 4 + 3)), .border)
        lines.append(rule)
        lines += tableRow([""] + matrix.columns, roles: [.label, .label, .label, .label])
        for (index, row) in matrix.rows.enumerated() {
            lines.append(rule)
            lines += tableRow([row] + matrix.cells[index], roles: [.label, .normal, .normal, .normal])
        }
        lines.append(rule)
        lines += [.blank] + StyledLine.wrapped(matrix.source, width: width, role: .dim)
        return lines
    }
}
