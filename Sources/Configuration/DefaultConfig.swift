import Foundation
import BrowserUI
import NcursesTerminal
import TerminalCanvas

/// The whole default config file, with comments, made from the action
/// table, the standard keys and the dark theme: `ostrom config
/// --print-default`. Read back, it is the defaults exactly (a test checks).
public enum DefaultConfig {
    public static var text: String {
        var lines = [
            "# ostrom's configuration: $XDG_CONFIG_HOME/ostrom/config.toml (~/.config/ostrom/config.toml).",
            "# Every setting with its default: keep only what you change. A mistake is shown",
            "# at start (the status row, and ! lists them) with its line; the rest still applies.",
            "",
            "[general]",
            "# Whether q asks \"quit? y/n\" once nothing is left to close (Q never asks).",
            "confirm-quit = true",
            "",
            "[search]",
            "# Whether a word of 5 letters or more also finds words an edit away (9 or more: two),",
            "# ranked below exact hits; in the browser and on the command line alike.",
            "typos = true",
            "",
            "# Keys: a character (\"j\", \"G\", \"?\"), ctrl-LETTER, f1 to f12, or one of",
            "# " + KeyName.named.map(\.0).joined(separator: ", ") + ".",
            "# Each names an action; \"\" unbinds the key. [keys] is every screen's; [keys.browse],",
            "# [keys.pager] and [keys.help] are one screen's, and win over [keys] there.",
        ]
        let keyMap = KeyMap.standard
        lines += section("keys", bindings: keyMap.generic)
        for (name, kind) in ConfigReader.screens {
            lines += section("keys." + name, bindings: keyMap.screens[kind] ?? [:])
        }
        lines += [
            "",
            "# Colours: theme is dark, light or mono; a role is \"FOREGROUND [on BACKGROUND] [bold]",
            "# [reverse] [underline] [dim]\", a colour default, " + ColourSpec.names.joined(separator: ", "),
            "# (or bright-NAME), 0 to 255, or #rrggbb (exact where the terminal has direct colour, as",
            "# TERM=xterm-direct says; elsewhere the nearest of 256). With 8 colours a colour is drawn",
            "# as the nearest of them; with none (NO_COLOR) only the attributes stay.",
            "[colors]",
            "theme = \"dark\"",
            "# A role set here wins over the theme; the dark theme's are shown (uncomment to change one).",
        ]
        lines += StyleRole.allCases.filter { $0 != .normal }.map { role in
            "# \(role.configName) = \"\(Theme.builtIn(.dark, role))\""
        }
        lines += [
            "",
            "[layout]",
            "# The list's share of the width beside the detail pane (\(AppState.listShares.lowerBound) to \(AppState.listShares.upperBound)),",
            "# from \(BrowseLayout.sideBySideWidth) columns (\(BrowseLayout.sideBySideWidthWithoutTitles) for the Ladder tab); below that the list is above it.",
            "ratio = \(AppState.defaultListShare)",
            "",
            "# Each tab's list, column by column: " + ListColumn.Field.allCases.map(\.rawValue).joined(separator: ", ") + ";",
            "# \"NAME:WIDTH\" sets a width; the title takes what is left. (star is the * of a starred record.)",
            "[layout.columns]",
        ]
        lines += ListColumn.tabs.map(columnsLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `papers = ["star", "year", "authors", "title"]`.
    private static func columnsLine(_ tab: Tab) -> String {
        let names: [String] = (ListColumn.standard[tab] ?? []).map { column in quoted(column.field.rawValue) }
        return tab.title.lowercased() + " = [" + names.joined(separator: ", ") + "]"
    }

    private static func section(_ name: String, bindings: [KeyPress: Action]) -> [String] {
        let rows = bindings.map { key, action in (KeyName.name(key), ActionTable.info(action)) }
            .sorted { ($0.1.name, $0.0) < ($1.1.name, $1.0) }
        let width = rows.map { quoted($0.0).count + 3 + quoted($0.1.name).count }.max() ?? 0
        return ["", "[\(name)]"] + rows.map { key, info in
            let binding = "\(quoted(key)) = \(quoted(info.name))"
            return binding.padding(toLength: width, withPad: " ", startingAt: 0) + "  # " + info.help
        }
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

