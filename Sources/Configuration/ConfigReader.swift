import BrowserUI
import NcursesTerminal
import OstromCore
import TerminalCanvas
import TOMLKit

/// Applies a parsed config file, table by table, collecting what is wrong.
struct ConfigReader {
    let file: String
    let lines: TOMLSourceLines
    var problems: [ConfigProblem] = []

    static let tables = ["general", "keys", "colors", "layout", "search"]
    static let screens: [(String, ScreenKind)] = [("browse", .browse), ("pager", .pager), ("help", .help)]

    mutating func read(_ table: TOMLTable, into config: inout Config) {
        for name in table.keys.sorted() {
            guard let value = table[name] else { continue }
            switch name {
            case "keys": if let keys = self.table(value, "keys") { readKeys(keys, into: &config.keyMap) }
            case "colors": if let colors = self.table(value, "colors") { readColours(colors, into: &config) }
            case "layout", "general", "search": if let settings = self.table(value, name) { readSettings(settings, named: name, into: &config) }
            default: problem(table: name, "unknown table [\(name)]", choices: Self.tables, closestTo: name)
            }
        }
    }

    private mutating func table(_ value: TOMLValueConvertible, _ name: String) -> TOMLTable? {
        guard let table = value.table else {
            problem(table: "", key: name, "\(name) must be a table: [\(name)]")
            return nil
        }
        return table
    }

    // MARK: - [keys]

    private mutating func readKeys(_ table: TOMLTable, into keyMap: inout KeyMap) {
        let actions = ActionTable.all.map(\.name)
        for name in table.keys.sorted() {
            guard let value = table[name] else { continue }
            if let screen = value.table {
                guard let kind = Self.screens.first(where: { $0.0 == name })?.1 else {
                    problem(table: "keys." + name, "unknown screen [keys.\(name)]", choices: Self.screens.map(\.0), closestTo: name)
                    continue
                }
                for key in screen.keys.sorted() {
                    guard let bound = screen[key] else { continue }
                    bind(key, to: bound, table: "keys." + name, actions: actions) { keyPress, action in
                        keyMap.screens[kind, default: [:]][keyPress] = action
                    }
                }
            } else {
                bind(name, to: value, table: "keys", actions: actions) { keyPress, action in keyMap.generic[keyPress] = action }
            }
        }
    }

    /// Binds (or with `""` unbinds) one key, when both names are known.
    private mutating func bind(_ keyName: String, to value: TOMLValueConvertible, table: String, actions: [String],
                               apply: (KeyPress, Action?) -> Void) {
        guard let key = KeyName.key(keyName) else {
            problem(table: table, key: keyName, "unknown key \"\(keyName)\": a character, ctrl-LETTER, f1 to f12, or one of "
                + KeyName.named.map(\.0).joined(separator: ", "))
            return
        }
        guard let name = value.string else {
            problem(table: table, key: keyName, "\"\(keyName)\" must name an action, in quotes (\"\" unbinds it)")
            return
        }
        if name.isEmpty { return apply(key, nil) }
        guard let action = ActionTable.all.first(where: { $0.name == name })?.action else {
            problem(table: table, key: keyName, "unknown action \"\(name)\"", choices: actions, closestTo: name)
            return
        }
        apply(key, action)
    }

    // MARK: - [colors]

    private mutating func readColours(_ table: TOMLTable, into config: inout Config) {
        let roles = StyleRole.allCases.map(\.configName)
        for name in table.keys.sorted() {
            guard let value = table[name] else { continue }
            if name == "theme" {
                guard let theme = value.string.flatMap(Theme.Palette.init(rawValue:)) else {
                    problem(table: "colors", key: name, "unknown theme \(value.string.map { "\"\($0)\"" } ?? "value")",
                            choices: Theme.Palette.allCases.map(\.rawValue), closestTo: value.string ?? "")
                    continue
                }
                config.palette = theme
                continue
            }
            guard let role = StyleRole.allCases.first(where: { $0.configName == name }) else {
                problem(table: "colors", key: name, "unknown role \"\(name)\"", choices: ["theme"] + roles, closestTo: name)
                continue
            }
            do {
                config.colours[role] = try ColourSpec.style(value.string ?? "")
            } catch {
                problem(table: "colors", key: name, "\(name): \(error.message)")
            }
        }
    }

    // MARK: - [layout], [general]

    /// The settings of the tables that hold single values.
    static let settings = ["layout": ["ratio", "columns"], "general": ["confirm-quit"], "search": ["typos"]]

    private mutating func readSettings(_ table: TOMLTable, named tableName: String, into config: inout Config) {
        let known = Self.settings[tableName] ?? []
        for name in table.keys.sorted() {
            guard let value = table[name] else { continue }
            guard known.contains(name) else {
                problem(table: tableName, key: name, "unknown setting \"\(name)\"", choices: known, closestTo: name)
                continue
            }
            if name == "columns" {
                if let columns = self.table(value, "layout.columns") { readColumns(columns, into: &config) }
                continue
            }
            if let wrong = Self.apply(name, value, to: &config) { problem(table: tableName, key: name, wrong) }
        }
    }

    /// Sets one setting; what is wrong with its value, if anything.
    private static func apply(_ name: String, _ value: TOMLValueConvertible, to config: inout Config) -> String? {
        switch name {
        case "ratio":
            guard let ratio = value.double ?? value.int.map(Double.init), AppState.listShares.contains(ratio) else {
                return "ratio is the list's share of the width, from \(AppState.listShares.lowerBound) to "
                    + "\(AppState.listShares.upperBound) (0.4 by default)"
            }
            config.listShare = ratio
        case "confirm-quit":
            guard let confirms = value.bool else { return "confirm-quit is true or false" }
            config.confirmsQuit = confirms
        case "typos":
            guard let typos = value.bool else { return "typos is true or false" }
            config.allowsTypos = typos
        default: break
        }
        return nil
    }

    // MARK: - [layout.columns]

    /// `papers = ["star", "year", "authors:20", "title", "citations"]`: a
    /// tab's columns in order, each a field and, after `:`, its width.
    private mutating func readColumns(_ table: TOMLTable, into config: inout Config) {
        let tabs = ListColumn.tabs.map { $0.title.lowercased() }
        let fields = ListColumn.Field.allCases.map(\.rawValue)
        for name in table.keys.sorted() {
            guard let value = table[name] else { continue }
            guard let tab = ListColumn.tabs.first(where: { $0.title.lowercased() == name }) else {
                problem(table: "layout.columns", key: name, "unknown tab \"\(name)\"", choices: tabs, closestTo: name)
                continue
            }
            guard let words = value.array?.map(\.string), words.allSatisfy({ $0 != nil }) else {
                problem(table: "layout.columns", key: name, "\(name) is a list of columns, as [\"star\", \"year\", \"authors:20\", \"title\"]")
                continue
            }
            var columns: [ListColumn] = []
            for word in words.compactMap({ $0 }) {
                let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
                guard let field = parts.first.flatMap(ListColumn.Field.init(rawValue:)) else {
                    problem(table: "layout.columns", key: name, "unknown column \"\(word)\"", choices: fields, closestTo: parts.first ?? word)
                    columns = []
                    break
                }
                let width = parts.count == 2 ? Int(parts[1]) : nil
                guard parts.count == 1 || (field != .title && width.map { (1...200).contains($0) } == true) else {
                    problem(table: "layout.columns", key: name, "\"\(word)\": a width is a number from 1 to 200, and the title takes what is left")
                    columns = []
                    break
                }
                columns.append(ListColumn(field, width: width))
            }
            guard !columns.isEmpty else { continue }
            guard columns.filter({ $0.field == .title }).count == 1 else {
                problem(table: "layout.columns", key: name, "\(name) needs the title column, once")
                continue
            }
            config.columns[tab] = columns
        }
    }

    // MARK: - Problems

    private mutating func problem(table: String, key: String? = nil, _ message: String, choices: [String] = [], closestTo name: String? = nil) {
        var text = message
        if let name, !choices.isEmpty {
            let closest = EditDistance.closest(to: name, among: choices)
            if !closest.isEmpty { text += "; did you mean \(closest.joined(separator: " or "))?" }
            text += choices.count <= 12 ? " (one of: \(choices.joined(separator: ", ")))" : " (ostrom config --print-default lists them all)"
        }
        problems.append(ConfigProblem(file: file, line: lines.line(table: table, key: key), message: text))
    }
}
