import BrowserUI
import Foundation
import NcursesTerminal
import OstromCore
import TerminalCanvas
import TOMLKit

/// The config file, `$XDG_CONFIG_HOME/ostrom/config.toml`: keys per screen,
/// colours (a built-in theme and any role's own), the layout. Read with
/// TOMLKit (toml++ underneath, TOML 1.0 and its error positions), because
/// a config file is hand-edited and must be read by the standard's rules;
/// the lines of what TOMLKit parsed but ostrom does not know are found by
/// `TOMLSourceLines`. Every mistake is a problem naming the file, the line and
/// the choices, and the rest of the file still applies.
public struct Config: Sendable {
    public var keyMap = KeyMap.standard
    public var palette = Theme.Palette.dark
    public var colours: [StyleRole: Theme.Style] = [:]
    /// The list's share of the width beside the detail pane.
    public var listShare = AppState.defaultListShare
    /// Each tab's list columns.
    public var columns = ListColumn.standard
    /// Whether searches also match words an edit or two away.
    public var allowsTypos = true
    /// Whether `q` asks "quit? y/n" once nothing is left to close.
    public var confirmsQuit = true
    public var problems: [ConfigProblem] = []

    public init() {}

    /// Where the file is: `$XDG_CONFIG_HOME/ostrom/config.toml`, else under `~/.config`.
    public static func path(environment: [String: String]) -> String? {
        if let folder = environment["XDG_CONFIG_HOME"], folder.hasPrefix("/") { return folder + "/ostrom/config.toml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/ostrom/config.toml"
    }

    /// The config in effect: the defaults when there is no file.
    public static func load(environment: [String: String]) -> Config {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return Config() }
        guard let data = FileManager.default.contents(atPath: path) else {
            var config = Config()
            config.problems = [ConfigProblem(file: path, line: nil, message: "cannot be read; the defaults apply")]
            return config
        }
        return parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) -> Config {
        var config = Config()
        // What TOMLKit's toml++ would end the program for, refused first.
        if let problem = TOMLPrecheck.firstProblem(in: text) {
            config.problems = [ConfigProblem(file: file, line: problem.line, message: problem.message + "; the file is not used, the defaults apply")]
            return config
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            config.problems = [ConfigProblem(file: file, line: error.source.begin.line,
                                             message: "\(error.description); the file is not used, the defaults apply")]
            return config
        } catch {
            config.problems = [ConfigProblem(file: file, line: nil, message: "\(error); the defaults apply")]
            return config
        }
        var reader = ConfigReader(file: file, lines: TOMLSourceLines(text))
        reader.read(table, into: &config)
        config.problems = reader.problems
        return config
    }
}

/// A mistake in the config file.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String { text(naming: RawPath.display(file)) }

    /// The same naming the file by its name alone, for the status row.
    public var brief: String { text(naming: RawPath.display(RawPath.lastComponent(of: file))) }

    private func text(naming name: String) -> String {
        line.map { "\(name):\($0): \(message)" } ?? "\(name): \(message)"
    }
}
