import Foundation
import OstromCore
import TerminalCanvas

/// `:` as in tig and neomutt: every action by its name from the action
/// table (`:view-events`, `:toggle-star`), and `:sort KEY` (`none`; alone,
/// the next order, as `S`), `:search
/// QUERY`, `:set detail shown|hidden`, `:quit`. Tab completes the name; ↑/↓
/// walk the commands typed before; a name nobody has gets the closest ones.
extension AppState {
    /// The names `:` knows, the action table's and the ones with arguments.
    static var commandNames: [String] {
        let own = ["sort", "search", "set", "theme", "export", "quit"]
        return own + ActionTable.all.map(\.name).filter { !own.contains($0) }
    }

    mutating func handleCommandKey(_ key: KeyPress, open: inout SearchPrompt) {
        switch key {
        case .enter:
            prompt = nil
            let text = open.editor.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return }
            commandHistory.removeAll { $0 == text }
            commandHistory.append(text)
            run(command: text)
            return
        case _ where SearchPrompt.cancelKeys.contains(key):
            prompt = nil
            return
        case .tab:
            complete(&open)
        case .up, .down:
            let next = (open.historyIndex ?? commandHistory.count) + (key == .up ? -1 : 1)
            guard commandHistory.indices.contains(next) || next == commandHistory.count else { return }
            open.historyIndex = next == commandHistory.count ? nil : next
            open.editor = LineEditor(next == commandHistory.count ? "" : commandHistory[next])
        default:
            open.error = nil
            _ = open.editor.apply(key)
        }
        prompt = open
    }

    /// Completes the command's name, or after it its argument (`:sort -y`,
    /// `:theme l`, `:export b`, `:set la`): to the word when one starts so,
    /// else as far as the words that do agree, listing them.
    private func complete(_ open: inout SearchPrompt) {
        let typed = open.editor.text
        let parts = typed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let (before, word, candidates) = parts.count == 1 ? ("", typed, Self.commandNames)
            : (parts[0] + " ", parts[1], Self.arguments[parts[0]] ?? [])
        let matching = candidates.filter { $0.hasPrefix(word) }
        guard let first = matching.first else {
            open.error = candidates.isEmpty ? nil : "nothing to complete starts with “\(word)”"
            return
        }
        var common = first
        for name in matching.dropFirst() { while !name.hasPrefix(common) { common.removeLast() } }
        open.editor = LineEditor(before + (matching.count == 1 ? first + (parts.count == 1 ? " " : "") : common))
        open.error = matching.count == 1 ? nil : matching.prefix(6).joined(separator: " ")
    }

    /// What each command's argument may be, for Tab.
    static var arguments: [String: [String]] {
        ["sort": ["none"] + RecordSort.names, "theme": themes, "export": ExportFormat.allCases.map { $0.rawValue + " " },
         "set": ["detail shown", "detail hidden", "layout.ratio "]]
    }

    mutating func run(command text: String) {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        let name = words[0], argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "quit":
            quit()
        case "sort":
            guard tab != .ladder else { return }
            if argument.isEmpty { return perform(.cycleSort) }
            if argument == "none" {
                sorts[tab] = nil
            } else if let sort = RecordSort(argument) {
                sorts[tab] = sort
            } else {
                message = "sort: one of none, " + RecordSort.names.joined(separator: ", ")
                return
            }
            refreshSorted()
            message = sorts[tab].map(sortMessage) ?? "in the library's order"
        case "search":
            openSearchPrompt()
            guard var open = prompt else { return }
            open.editor = LineEditor(argument)
            submitSearch(open)
        case "set":
            set(argument.split(separator: " ").map(String.init))
        case "export":
            export(argument)
        case "theme":
            guard Self.themes.contains(argument) else {
                message = "theme: one of " + Self.themes.joined(separator: ", ")
                return
            }
            theme = argument
            effects.append(.useTheme(argument))
            message = "theme: \(argument)"
        default:
            guard let info = ActionTable.all.first(where: { $0.name == name }) else {
                let close = EditDistance.closest(to: name, among: Self.commandNames)
                message = "no command “\(name)”" + (close.isEmpty ? " (Tab lists them)" : "; did you mean " + close.prefix(3).joined(separator: ", ") + "?")
                return
            }
            perform(info.action)
        }
    }

    /// The built-in themes (the terminal's `Theme.Palette`; a test checks they agree).
    public static let themes = ["dark", "light", "mono"]

    /// `:set detail shown|hidden`, `:set layout.ratio 0.5`.
    private mutating func set(_ parts: [String]) {
        let usage = "set: detail shown, detail hidden, or layout.ratio \(Self.listShares.lowerBound) to \(Self.listShares.upperBound)"
        guard parts.count == 2 else {
            message = usage
            return
        }
        switch parts[0] {
        case "detail" where ["shown", "hidden"].contains(parts[1]):
            if showsDetail != (parts[1] == "shown") { perform(.toggleDetail) }
        case "layout.ratio":
            guard let ratio = Double(parts[1]), Self.listShares.contains(ratio) else {
                message = usage
                return
            }
            listShare = ratio
            var list = currentList
            list.clamp(count: listCount, height: visibleRows)
            currentList = list
            message = "layout.ratio: \(ratio)" + (layout.sideBySide || !showsDetail ? ""
                : " (for the panes side by side, from \(BrowseLayout.sideBySideWidth) columns)")
        default:
            message = usage
        }
    }

    /// `:export FORMAT PATH`: the records the tab lists (its search's hits,
    /// in their order) to a new file; an existing one is never replaced.
    private mutating func export(_ argument: String) {
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        let usage = "export: FORMAT FILE, FORMAT one of " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, let format = ExportFormat(rawValue: parts[0]) else {
            message = usage
            return
        }
        guard tab != .ladder else {
            message = "export: the Ladder tab lists passages, not records; export from another tab"
            return
        }
        guard runningExport == nil else {
            message = "export: one is being written; Esc cancels it"
            return
        }
        let records = listing(in: tab).map { self.records[$0] }
        guard !records.isEmpty else {
            message = "export: nothing listed here"
            return
        }
        effects.append(.export(records, format, path: NSString(string: parts[1]).expandingTildeInPath))
    }
}
