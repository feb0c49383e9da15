import Testing
@testable import NcursesTerminal
import TerminalCanvas

@Suite struct HyperlinkOutputTests {
    @Test func aPlainLinkIsWrittenAgainInsideOSC8BetweenDECSCAndDECRC() {
        var grid = CellGrid(width: 30, height: 3)
        grid.put("DOI 10.1/x", x: 2, y: 1, role: .normal)
        grid.addLink("https://doi.org/10.1/x", x: 6, y: 1, width: 6)
        let expected = "\u{1B}7\u{1B}[2;7H\u{1B}[0m\u{1B}]8;;https://doi.org/10.1/x\u{1B}\\10.1/x\u{1B}]8;;\u{1B}\\\u{1B}8"
        #expect(String(decoding: HyperlinkOutput.bytes(for: grid), as: UTF8.self) == expected)
    }

    @Test func styledOrWideTextIsLeftAsNcursesDrewIt() {
        var grid = CellGrid(width: 30, height: 2)
        grid.put("10.1/x", x: 0, y: 0, role: .match)
        grid.addLink("https://doi.org/10.1/x", x: 0, y: 0, width: 6)
        grid.put("合作", x: 0, y: 1, role: .normal)
        grid.addLink("https://example.org/", x: 0, y: 1, width: 4)
        #expect(HyperlinkOutput.bytes(for: grid).isEmpty)
    }

    @Test func notForTheLinuxConsoleOrWhenTurnedOff() {
        #expect(HyperlinkOutput.wanted(environment: ["TERM": "xterm-256color"]))
        #expect(!HyperlinkOutput.wanted(environment: ["TERM": "linux"]))
        #expect(!HyperlinkOutput.wanted(environment: ["TERM": "xterm", "OSTROM_NO_HYPERLINKS": "1"]))
    }
}
