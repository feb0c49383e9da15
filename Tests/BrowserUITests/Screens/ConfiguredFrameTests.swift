import Configuration
import OstromCore
import Testing
@testable import BrowserUI
import NcursesTerminal
import TerminalCanvas

/// A config file that rebinds keys, recolours and changes the layout, as
/// the screen shows it: the list wider with other columns, `x` moving down
/// where `j` no longer does, the light theme with the header and the
/// selection in the file's colours (the frame's legend, at 256 colours and
/// at direct colour), and the help screen listing the keys as configured.
@Suite struct ConfiguredFrameTests {
    @Test func aConfigThatRebindsRecoloursAndRelayoutsIsWhatTheScreenShows() throws {
        let config = Config.parse("""
            [keys]
            "x" = "move-down"
            "j" = ""
            "f2" = "help"
            [colors]
            theme = "light"
            header = "#1d3557 on #f1faee bold"
            selection = "white on 88"
            [layout]
            ratio = 0.6
            [layout.columns]
            papers = ["star", "citations", "year", "title", "authors:12"]
            """, file: "config.toml")
        #expect(config.problems.isEmpty)
        var state = AppState(records: Library.builtIn().records, ladder: LadderModel.builtIn(), now: Fixture.now,
                             size: (120, 30), keyMap: config.keyMap)
        state.listShare = config.listShare
        state.columns = config.columns
        state.handle(.character("x"))
        state.handle(.character("j"))
        #expect(state.currentList.selected == 1)
        let frame = FrameComposer.compose(state)
        GoldenFrames.check(frame, named: "configured-papers-120x30",
                           theme: Theme(depth: .twoFiftySix, palette: config.palette, overrides: config.colours))
        GoldenFrames.check(frame, named: "configured-papers-direct-colour-120x30",
                           theme: Theme(depth: .direct, palette: config.palette, overrides: config.colours))
        state.handle(.function(2))
        GoldenFrames.check(FrameComposer.compose(state), named: "configured-help-120x30")
    }

    /// The built-in themes as the papers' screen draws them: each role on
    /// it with its colours at 256 colours (mono: its attributes alone).
    @Test(arguments: Theme.Palette.allCases)
    func theBuiltInThemes(palette: Theme.Palette) throws {
        let (_, frame) = try Fixture.frame(width: 100, height: 30, keys: [.character("j")])
        GoldenFrames.check(frame, named: "theme-\(palette.rawValue)-100x30", theme: Theme(depth: .twoFiftySix, palette: palette))
    }

    /// Every column a tab's list may have, laid out: fixed widths cut and
    /// padded, the title taking the rest, a status after it as wide as it is.
    @Test func everyColumnOfARow() throws {
        var record = Record(id: "x", kind: .event, title: "Co-production in the city")
        record.date = PartialDate(year: 2027, month: 3, day: 1)
        record.container = "Public Management Review"
        record.type = "speech"
        record.citations = 12
        record.authors = [Person(family: "Loeffler", given: "Elke")]
        let columns = ListColumn.Field.allCases.map { ListColumn($0) }
        let line = RecordRows.line(for: record, in: .events, columns: columns, starred: true, tags: ["care", "city"], width: 150, now: Fixture.now)
        #expect(line.spans.map(\.text).joined() == "*2027 2027-03-01 Loeffler         " + "Co-production in the city".padding(toLength: 35, withPad: " ", startingAt: 0)
            + " Public Management R… speech           12    care, city       event      upcoming")
        #expect(line.spans.map(\.role) == [.dim, .dim, .dim, .label, .normal, .dim, .dim, .dim, .badge, .badge, .badge])
    }
}
