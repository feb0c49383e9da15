import OstromCore
import TerminalCanvas

/// The `?` screen, generated from the action table and the keymap.
enum HelpView {
    static func lines(keyMap: KeyMap, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let entries = ActionTable.all.map { info in
            (info, ([ScreenKind.browse, .help, .pager].flatMap { keyMap.keys(for: info.action, in: $0) }).reduce(into: [KeyPress]()) { keys, key in
                if !keys.contains(key) { keys.append(key) }
            })
        }
        let keyWidth = min(24, entries.map { $0.1.map(\.label).joined(separator: " ").count }.max() ?? 0)
        for group in ActionTable.groups {
            lines += [.blank, StyledLine(group, .heading)]
            for (info, keys) in entries where info.group == group && !keys.isEmpty {
                let keyText = TextWrapping.pad(keys.map(\.label).joined(separator: " "), width: keyWidth)
                let help = TextWrapping.wrap(info.help, width: max(1, width - keyWidth - 4))
                for (index, part) in help.enumerated() {
                    lines.append(StyledLine([
                        .init(text: "  " + (index == 0 ? keyText : String(repeating: " ", count: keyWidth)) + "  ", role: .label),
                        .init(text: part, role: .normal),
                    ]))
                }
            }
        }
        lines += [.blank, StyledLine("Mouse: click selects a tab, a row or a pane; the wheel scrolls.", .dim)]
        return lines
    }

    static func draw(offset: Int, into grid: inout CellGrid, keyMap: KeyMap) {
        let area = grid.bounds
        let (titleRow, rest) = area.splitTop(1)
        let (textArea, statusRow) = rest.splitBottom(1)
        grid.fill(titleRow, role: .header)
        grid.put(" ostrom — keys", x: 0, y: 0, role: .header, limit: area.width)
        let lines = lines(keyMap: keyMap, width: area.width)
        for index in 0..<textArea.height where offset + index < lines.count {
            grid.draw(lines[offset + index], x: 0, y: textArea.y + index, width: area.width)
        }
        StatusLine.draw(into: &grid, area: statusRow, position: "Help", message: nil, hints: StatusLine.hints(keyMap: keyMap, screen: .help))
    }
}
