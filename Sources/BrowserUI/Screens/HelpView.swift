import OstromCore
import TerminalCanvas

/// The `?` screen, generated from the action table and the keymap: the
/// keys that work in the view it was opened from first, then the other
/// view's.
enum HelpView {
    static func lines(keyMap: KeyMap, width: Int, from screen: ScreenKind = .browse) -> [StyledLine] {
        let here = ActionTable.all.map { ($0, keyMap.keys(for: $0.action, in: screen)) }.filter { !$0.1.isEmpty }
        let other: ScreenKind = screen == .pager ? .browse : .pager
        let elsewhere = ActionTable.all.map { ($0, keyMap.keys(for: $0.action, in: other)) }
            .filter { info, keys in !keys.isEmpty && !here.contains { $0.0.action == info.action } }
        let keyWidth = min(24, (here + elsewhere).map { $0.1.map(\.label).joined(separator: " ").count }.max() ?? 0)
        var lines = section(here, keyWidth: keyWidth, width: width)
        lines += [.blank, StyledLine(other == .pager ? "In the reader" : "In the list", .heading)]
        lines += section(elsewhere, keyWidth: keyWidth, width: width, grouped: false)
        lines += [.blank, StyledLine("Mouse: click selects a tab, a row or a pane; the wheel scrolls.", .dim)]
        return lines
    }

    private static func section(_ entries: [(ActionInfo, [KeyPress])], keyWidth: Int, width: Int, grouped: Bool = true) -> [StyledLine] {
        var lines: [StyledLine] = []
        for group in ActionTable.groups {
            let rows = entries.filter { $0.0.group == group }
            if rows.isEmpty { continue }
            if grouped { lines += [.blank, StyledLine(group, .heading)] }
            for (info, keys) in rows {
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
        return lines
    }

    static func draw(offset: Int, from screen: ScreenKind, into grid: inout CellGrid, keyMap: KeyMap,
                     find: String?, prompt: SearchPrompt?) {
        let area = grid.bounds
        let (titleRow, rest) = area.splitTop(1)
        let (textArea, statusRow) = rest.splitBottom(1)
        grid.fill(titleRow, role: .header)
        grid.put(" ostrom — keys " + (screen == .pager ? "in the reader" : "in the list"), x: 0, y: 0, role: .header, limit: area.width)
        let lines = lines(keyMap: keyMap, width: area.width, from: screen)
        for index in 0..<textArea.height where offset + index < lines.count {
            let line = find.map { lines[offset + index].marking($0) } ?? lines[offset + index]
            grid.draw(line, x: 0, y: textArea.y + index, width: area.width)
        }
        if let prompt {
            let found = find.map { text in lines.filter { $0.plainText.localizedCaseInsensitiveContains(text) }.count } ?? 0
            PromptLine.draw(prompt, into: &grid, area: statusRow, count: found == 0 ? "not found" : "\(found) lines")
        } else {
            StatusLine.draw(into: &grid, area: statusRow, position: "Help", message: nil, hints: StatusLine.hints(keyMap: keyMap, screen: .help))
        }
    }
}
