import BrowserUI
import Foundation
import NcursesTerminal
import OstromCore
import TerminalCanvas
import Testing
@testable import Configuration

/// The config file: the default one reads back as the defaults; keys,
/// colours and the layout change what they name; every mistake names the
/// file, its line and the choices, and the rest still applies.
@Suite struct ConfigTests {
    private func parse(_ text: String) -> Config { Config.parse(text, file: "/home/u/.config/ostrom/config.toml") }

    @Test func theDefaultFileReadsBackAsTheDefaults() {
        let config = parse(DefaultConfig.text)
        #expect(config.problems.isEmpty)
        #expect(config.keyMap.generic == KeyMap.standard.generic && config.keyMap.screens == KeyMap.standard.screens)
        #expect(config.palette == .dark && config.colours.isEmpty && config.listShare == 0.4 && config.confirmsQuit)
        #expect(config.columns == ListColumn.standard && config.allowsTypos)
        // Its colour lines, uncommented, are the dark theme's exactly.
        let uncommented = parse(StyleRole.allCases.map(\.configName).reduce(DefaultConfig.text) { text, name in
            text.replacingOccurrences(of: "\n# \(name) = ", with: "\n\(name) = ")
        })
        #expect(uncommented.problems.isEmpty)
        for role in StyleRole.allCases where role != .normal {
            #expect(uncommented.colours[role] == Theme.builtIn(.dark, role), "\(role)")
        }
    }

    @Test func keysAreBoundAndUnboundForEveryScreenOrOne() {
        let config = parse("""
            [keys]
            "x" = "move-down"
            "j" = ""
            "ctrl-n" = "move-down"
            "f2" = "help"
            [keys.pager]
            "x" = "page-down"
            """)
        #expect(config.problems.isEmpty)
        #expect(config.keyMap.action(for: .character("x"), in: .browse) == .moveDown)
        #expect(config.keyMap.action(for: .character("x"), in: .pager) == .pageDown)
        #expect(config.keyMap.action(for: .character("j"), in: .browse) == nil)
        #expect(config.keyMap.action(for: .control("n"), in: .browse) == .moveDown)
        #expect(config.keyMap.action(for: .function(2), in: .help) == .help)
        #expect(config.keyMap.keys(for: .moveDown, in: .browse).map(\.label) == ["x", "Ctrl-N", "↓"])
    }

    @Test func everyMistakeNamesTheFileLineAndChoicesAndTheRestApplies() {
        let config = parse("""
            [keys]
            "j" = "mvoe-down"
            "ctrl-dd" = "move-down"
            "x" = "move-down"
            [keys.pagr]
            "y" = "top"
            [colors]
            theme = "solarized"
            selektion = "red"
            match = "purple on black"
            header = "1 on 2 on 3"
            [layout]
            ratio = 0.95
            width = 3
            [colours]
            """)
        let file = "/home/u/.config/ostrom/config.toml"
        #expect(Set(config.problems.map(\.description)) == [
            "\(file):15: unknown table [colours]; did you mean colors? (one of: general, keys, colors, layout, search)",
            "\(file):11: header: \"1 on 2 on 3\" is not FOREGROUND [on BACKGROUND] [bold] [reverse] [underline] [dim]",
            "\(file):10: match: \"purple\" is not a colour: default, black, red, green, yellow, blue, magenta, cyan, white (or bright-NAME), 0 to 255, or #rrggbb",
            "\(file):9: unknown role \"selektion\"; did you mean selection? (ostrom config --print-default lists them all)",
            "\(file):8: unknown theme \"solarized\" (one of: dark, light, mono)",
            "\(file):3: unknown key \"ctrl-dd\": a character, ctrl-LETTER, f1 to f12, or one of enter, esc, tab, shift-tab, space, backspace, delete, up, down, left, right, home, end, pgup, pgdn",
            "\(file):2: unknown action \"mvoe-down\"; did you mean move-down? (ostrom config --print-default lists them all)",
            "\(file):5: unknown screen [keys.pagr]; did you mean pager? (one of: browse, pager, help)",
            "\(file):13: ratio is the list's share of the width, from 0.2 to 0.8 (0.4 by default)",
            "\(file):14: unknown setting \"width\" (one of: ratio, columns)",
        ])
        // What was right still applies.
        #expect(config.keyMap.action(for: .character("x"), in: .browse) == .moveDown)
        #expect(config.keyMap.action(for: .character("j"), in: .browse) == .moveDown)
    }

    @Test func columnsPerTabWithWidthsAndTheirMistakes() {
        let config = parse("""
            [layout.columns]
            papers = ["star", "citations", "year", "title", "authors:12"]
            events = ["date", "venue"]
            transcript = ["title"]
            search = ["kind", "title:30"]
            """)
        #expect(config.columns[.papers] == [ListColumn(.star), ListColumn(.citations), ListColumn(.year), ListColumn(.title),
                                            ListColumn(.authors, width: 12)])
        #expect(config.columns[.events] == ListColumn.standard[.events] && config.columns[.search] == ListColumn.standard[.search])
        let file = "/home/u/.config/ostrom/config.toml"
        #expect(Set(config.problems.map(\.description)) == [
            "\(file):3: events needs the title column, once",
            "\(file):4: unknown tab \"transcript\"; did you mean transcripts? (one of: papers, events, transcripts, search)",
            "\(file):5: \"title:30\": a width is a number from 1 to 200, and the title takes what is left",
        ])
    }

    @Test func typosCanBeTurnedOff() {
        #expect(!parse("[search]\ntypos = false\n").allowsTypos)
        #expect(parse("[search]\ntypo = false\n").problems.map(\.description)
            == ["/home/u/.config/ostrom/config.toml:2: unknown setting \"typo\"; did you mean typos? (one of: typos)"])
    }

    @Test func quitCanBeUnconfirmed() {
        #expect(!parse("[general]\nconfirm-quit = false\n").confirmsQuit)
        let wrong = parse("[general]\nconfirm-quit = \"no\"\n")
        #expect(wrong.confirmsQuit && wrong.problems.map(\.line) == [2])
    }

    /// toml++ (in TOMLKit 0.6) asserts, ending the program, on a table
    /// header whose name starts with anything but a key's characters, on a
    /// `}` where an array expects a value, and on a line separator outside
    /// quotes: such a file is refused first, with its line, and the
    /// defaults apply. A `[` inside a string, a comment or an array
    /// spanning lines is no header; letters other than ASCII belong in
    /// strings and comments, and a byte order mark at the start is fine.
    @Test func whatTOMLKitWouldCrashOnIsAMistakeWithItsLine() {
        let header = "a table's name must start with a letter, a digit, - or _, or be quoted (\"…\")"
        let bad: [(String, Int, String)] = [
            ("[é]\n", 1, header), ("[keys]\n\"x\" = \"move-down\"\n[", 3, header), ("[[[1]]]\n", 1, header), ("[ \t=]\n", 1, header),
            ("x = \"\"\"a\\\n\"\"\"\n[é]", 3, header),
            ("a = [1,}\n", 1, "“}” where the array begun on line 1 needs a value or “]”"),
            ("a = { b = [\n1,\n}\n", 3, "“}” where the array begun on line 1 needs a value or “]”"),
            ("a = [1,\u{2028}]\n", 1, "U+2028 outside quotes: TOML has letters other than ASCII only in strings (\"…\") and comments"),
            ("[keys]\nj\u{00E9} = 1\n", 2, "“é” outside quotes: TOML has letters other than ASCII only in strings (\"…\") and comments"),
        ]
        for (text, line, message) in bad {
            let config = parse(text)
            #expect(config.problems.map(\.line) == [line], "\(text.debugDescription)")
            #expect(config.problems.first?.message == message + "; the file is not used, the defaults apply", "\(text.debugDescription)")
            #expect(config.keyMap.generic == KeyMap.standard.generic)
        }
        for text in ["# [é] }\n", "[keys]\n\"é\" = \"move-down\"\n", "x = '[é]'\n", "x = \"\"\"\n[é]\n\"\"\"\n", "x = [\n[ ]\n]\n",
                     "[\"é\"]\n", "[ keys ]\n", "\u{FEFF}[keys]\n", "x = [ { a = 1 }, { b = [2] } ]\n"] {
            #expect(TOMLPrecheck.firstProblem(in: text) == nil, "\(text.debugDescription)")
        }
    }

    /// What fuzzing the config file found (`Scripts/fuzz.sh config`), kept
    /// in `Tests/FuzzRegressions/config/`: each is read to a mistake.
    @Test func whatFuzzingFoundIsAMistake() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FuzzRegressions/config")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 3)
        for file in files {
            #expect(!Config.parse(String(decoding: try Data(contentsOf: file), as: UTF8.self), file: file.path).problems.isEmpty)
        }
    }

    @Test func aSyntaxErrorSaysWhereAndTheDefaultsApply() {
        let config = parse("[keys]\n\"j\" = \"move-down\"\n\"k\" = move-up\n")
        #expect(config.problems.count == 1 && config.problems[0].line == 3)
        #expect(config.keyMap.generic == KeyMap.standard.generic)
    }

    @Test func coloursAreNamesNumbersOrRGBAndFitTheTerminal() throws {
        #expect(try ColourSpec.style("bright-red on default bold underline")
            == Theme.Style(foreground: .indexed(9), attributes: [.bold, .underline]))
        #expect(try ColourSpec.colour("#ff8000") == .rgb(red: 255, green: 128, blue: 0) && ColourSpec.colour("17") == .indexed(17))
        #expect(throws: ColourSpec.Failure.self) { try ColourSpec.colour("#ff80") }
        #expect(throws: ColourSpec.Failure.self) { try ColourSpec.colour("#+ff800") }
        #expect(throws: ColourSpec.Failure.self) { try ColourSpec.colour("256") }
        #expect(try ColourSpec.style("reverse") == Theme.Style(attributes: [.reverse]))
        let config = parse("[colors]\ntheme = \"light\"\nselection = \"#ffffff on #005f80 bold\"\n")
        let exact = Theme.Style(foreground: .rgb(red: 255, green: 255, blue: 255), background: .rgb(red: 0, green: 95, blue: 128),
                                attributes: [.bold])
        #expect(config.colours[.selection] == exact && config.palette == .light)
        // Direct colour: exact; 256: the nearest; 8: the nearest basic
        // ones; none: the attributes alone.
        #expect(Theme(depth: .direct, palette: config.palette, overrides: config.colours).style(for: .selection) == exact)
        #expect(Theme(depth: .twoFiftySix, palette: config.palette, overrides: config.colours).style(for: .selection)
            == Theme.Style(foreground: .indexed(231), background: .indexed(24), attributes: [.bold]))
        #expect(Theme(depth: .eight, palette: config.palette, overrides: config.colours).style(for: .selection)
            == Theme.Style(foreground: .indexed(7), background: .indexed(4), attributes: [.bold]))
        #expect(Theme(depth: .monochrome, palette: config.palette, overrides: config.colours).style(for: .selection)
            == Theme.Style(attributes: [.bold]))
        #expect(Theme(depth: .twoFiftySix, palette: .light).style(for: .header) != Theme(depth: .twoFiftySix, palette: .dark).style(for: .header))
        #expect(exact.description == "#ffffff on #005f80 bold")
    }

    @Test func theFileIsFoundUnderXDGConfigHomeOrHome() {
        #expect(Config.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ostrom/config.toml")
        #expect(Config.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/ostrom/config.toml")
        #expect(Config.path(environment: [:]) == nil)
    }
}

/// `:theme` names the terminal's built-in palettes.
@Suite struct ThemeNameTests {
    @Test func theCommandLinesThemesAreTheTerminals() {
        #expect(AppState.themes == Theme.Palette.allCases.map(\.rawValue))
    }
}
