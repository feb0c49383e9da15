import Testing
@testable import NcursesTerminal
import TerminalCanvas

@Suite struct ThemeTests {
    @Test func depthFollowsTheTerminalAndNO_COLOR() {
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
        #expect(looks.allSatisfy { $0.foreground == -1 && $0.background == -1 })
    }

    @Test func colourThemesGiveSelectionAndMatchesABackground() {
        for depth in [Theme.Depth.eight, .twoFiftySix] {
            let theme = Theme(depth: depth)
            #expect(theme.style(for: .selection).background != -1 || theme.style(for: .selection).attributes.contains(.reverse))
            #expect(theme.style(for: .match).background != -1)
            #expect(theme.style(for: .normal) == Theme.Style(foreground: -1, background: -1, attributes: []))
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
