import Foundation
import TerminalCanvas

/// `/` on the help screen, as in less: the text typed is looked for as it
/// is typed (any case), the view goes to the first line holding it, every
/// occurrence is marked; `n` and `N` go to the next and previous line.
extension AppState {
    mutating func openHelpFind() {
        prompt = SearchPrompt(purpose: .helpFind, editor: LineEditor(helpFind ?? ""), previousFilter: nil, previousList: currentList)
    }

    mutating func handleHelpFindKey(_ key: KeyPress, open: inout SearchPrompt) {
        switch key {
        case .enter:
            prompt = nil
            if helpFind?.isEmpty == true { helpFind = nil }
        case _ where SearchPrompt.cancelKeys.contains(key):
            prompt = nil
            helpFind = nil
        default:
            guard open.editor.apply(key) else { return }
            prompt = open
            helpFind = open.editor.text.isEmpty ? nil : open.editor.text
            findInHelp(forward: true, from: 0)
        }
    }

    /// Moves the help screen to the next (or previous) line holding the
    /// text, starting `from` lines past the top one.
    mutating func findInHelp(forward: Bool, from start: Int) {
        guard let find = helpFind, case .help(let offset, let screen)? = overlays.last else { return }
        let lines = HelpView.lines(keyMap: keyMap, width: size.width, from: screen)
        let candidates = forward ? Array(stride(from: offset + start, to: lines.count, by: 1))
            : Array(stride(from: offset - 1, through: 0, by: -1))
        guard let found = candidates.first(where: { lines[$0].plainText.localizedCaseInsensitiveContains(find) }) else {
            message = "“\(find)” is not further " + (forward ? "down" : "up")
            return
        }
        let height = max(1, size.height - 2)
        overlays[overlays.count - 1] = .help(offset: min(found, max(0, lines.count - height)), from: screen)
    }
}
