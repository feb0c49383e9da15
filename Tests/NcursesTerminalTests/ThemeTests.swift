import Testing
@testable import NcursesTerminal
import TerminalCanvas

@Suite struct ThemeTests {
    @Test func depthFollowsTheTerminalAndNO_COLOR() {
        #expect(Theme.depth(colors: 1 << 24, hasColors: true, environment: [:]) == .direct)
        #expect(Theme.depth(colors: 256, hasColors: true, environment: [:]) == .twoFiftySix)
        #expect(Theme.depth(colors: 8, hasColors: true, environment: [:]) == .eight)
        #expect(Theme.depth(colors: 0, hasColors: false, environment: [:]) == .monochrome)
        #expect(Theme.depth(colors: 256, hasColors: true, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(Theme.depth(colors: 256, hasColors: true, environment: ["NO_COLOR": ""]) == .twoFiftySix)
    }

    @Test func monochromeStillTellsTheImportantRolesApart() {
        let theme = Theme(depth: .monochrome)
        let looks = [StyleRole.normal, .selection, .selectionUnfocused, .match, .statusBar, .heading, .tabActive]
            .map { theme.style(for: $0) }
        #expect(Set(looks.map(\.attributes)).count == looks.count)
        #expect(looks.allSatisfy { $0.foreground == .terminal && $0.background == .terminal })
    }

    @Test func colourThemesGiveSelectionAndMatchesABackground() {
        for depth in [Theme.Depth.eight, .twoFiftySix, .direct] {
            let theme = Theme(depth: depth)
            #expect(theme.style(for: .selection).background != .terminal || theme.style(for: .selection).attributes.contains(.reverse))
            #expect(theme.style(for: .match).background != .terminal)
            #expect(theme.style(for: .normal) == Theme.Style())
        }
    }

    /// On a direct-colour terminal the palettes' 256 colours are drawn as
    /// their red-green-blue, except the 8 basic ones, which stay the
    /// terminal's own; ncurses takes the packed number, never one of
    /// those 8 for an exact colour.
    @Test func directColourDrawsThePalettesExactly() {
        let header = Theme(depth: .direct).style(for: .header)
        #expect(header.foreground == .rgb(red: 208, green: 208, blue: 208) && header.background == .rgb(red: 0, green: 95, blue: 135))
        #expect(header.background.terminalNumber == 0x005F87)
        #expect(Theme.Colour.indexed(3).fitted(to: .direct) == .indexed(3))
        #expect(Theme.Colour.indexed(9).fitted(to: .direct) == .rgb(red: 255, green: 0, blue: 0))
        #expect(Theme.Colour.rgb(red: 0, green: 0, blue: 0).terminalNumber == 8)
        #expect(Theme.Colour.terminal.terminalNumber == -1)
    }

    @Test func exactColoursFitTheDepth() {
        let orange = Theme.Colour.rgb(red: 255, green: 135, blue: 0)
        #expect(orange.fitted(to: .twoFiftySix) == .indexed(208))
        #expect(orange.fitted(to: .eight) == .indexed(3))
        #expect(orange.fitted(to: .monochrome) == .terminal)
        // The cube's and the greys' own colours map to themselves.
        for index in UInt8(16)...255 {
            let (red, green, blue) = Theme.rgb(index)
            #expect(Theme.Colour.rgb(red: UInt8(red), green: UInt8(green), blue: UInt8(blue)).fitted(to: .twoFiftySix) == .indexed(index))
        }
    }
}

@Suite struct KeyDecodingTests {
    @Test func controlCharactersBecomeNamedKeys() {
        #expect(KeyDecoding.character(4) == .control("d"))
        #expect(KeyDecoding.character(21) == .control("u"))
        #expect(KeyDecoding.character(9) == .tab)
        #expect(KeyDecoding.character(13) == .enter)
        #expect(KeyDecoding.character(27) == .escape)
        #expect(KeyDecoding.character(127) == .backspace)
        #expect(KeyDecoding.character(0x5408) == .character("合"))
    }
}
