import Testing
@testable import BrowserUI
import TerminalCanvas

@Suite struct ActionTableTests {
    @Test func everyActionHasOneRowWithAUniqueName() {
        for action in Action.allCases {
            #expect(ActionTable.all.filter { $0.action == action }.count == 1, "\(action)")
        }
        #expect(Set(ActionTable.all.map(\.name)).count == ActionTable.all.count)
        #expect(ActionTable.all.allSatisfy { ActionTable.groups.contains($0.group) && !$0.help.isEmpty })
    }

    @Test func everyActionHasAKeyAndAppearsInHelp() {
        let help = HelpView.lines(keyMap: .standard, width: 100).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        for info in ActionTable.all {
            let screens: [ScreenKind] = [.browse, .help, .pager]
            #expect(screens.contains { !KeyMap.standard.keys(for: info.action, in: $0).isEmpty }, "\(info.name) has no key")
            #expect(help.contains(info.help), "help lacks \(info.name)")
        }
        #expect(help.contains("j ↓"))
        #expect(help.contains("Ctrl-D"))
    }
}

/// Help is per view: the keys that work here first, the other view's below.
@Suite struct HelpPerViewTests {
    private func text(from screen: ScreenKind) -> String {
        HelpView.lines(keyMap: .standard, width: 100, from: screen).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
    }

    @Test func theListsHelpDoesNotListTheReadersKeysAsItsOwn() throws {
        let list = text(from: .browse)
        let (here, below) = try #require(list.range(of: "In the reader").map { (list[..<$0.lowerBound], list[$0.upperBound...]) })
        #expect(here.contains("u           Undo") && !here.contains("Half a page up\n  u"))
        #expect(!here.contains("  d ") && below.contains("Search backward in the pager"))
        let reader = text(from: .pager)
        let (readerHere, readerBelow) = try #require(reader.range(of: "In the list").map { (reader[..<$0.lowerBound], reader[$0.upperBound...]) })
        #expect(readerHere.contains("Search backward in the pager") && readerHere.contains("d Ctrl-D"))
        #expect(readerBelow.contains("Undo the last star") && !readerHere.contains("Undo the last star"))
    }
}

@Suite struct KeyMapTests {
    @Test func screenMapsFallBackToTheGenericMap() {
        let keys = KeyMap.standard
        #expect(keys.action(for: .tab, in: .browse) == .focusNext)
        #expect(keys.action(for: .tab, in: .pager) == nil)
        #expect(keys.action(for: .escape, in: .pager) == .back)
        #expect(keys.action(for: .character("j"), in: .pager) == .moveDown)
        #expect(keys.action(for: .control("d"), in: .browse) == .halfPageDown)
        #expect(keys.action(for: .character("Q"), in: .help) == .quit)
        #expect(keys.action(for: .character("?"), in: .pager) == .searchBackward)
        #expect(keys.action(for: .character("?"), in: .browse) == .help)
        #expect(keys.action(for: .character("f"), in: .pager) == .pageDown)
    }

    @Test func hintsComeFromTheKeymap() {
        #expect(StatusLine.hints(keyMap: .standard, screen: .browse) == "Enter open  Tab pane  ? help  q back")
        var custom = KeyMap.standard
        custom.generic[.character("x")] = .back
        custom.generic[.character("q")] = nil
        #expect(StatusLine.hints(keyMap: custom, screen: .browse).hasSuffix("x back"))
    }
}
