import ArgumentParser
import Configuration
import Foundation
import OstromCore

/// `ostrom config`: where the config file is, whether it is right, and the
/// whole default file to start one from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file, or print the default one.",
        discussion: "Without an option: says where the file is and lists its mistakes (exit 1 when there are any)."
    )

    @Flag(help: "Print the whole default config file, with comments.") var printDefault = false

    func run() throws {
        if printDefault { return Console.print(DefaultConfig.text, terminator: "") }
        let environment = ProcessEnvironment.variables
        guard let path = Config.path(environment: environment) else {
            throw CommandFailure(code: 2, message: "no place for the config file: set HOME or XDG_CONFIG_HOME")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return Console.print("\(TerminalSafeText.sanitize(path)): no config file; the defaults apply "
                + "(ostrom config --print-default > FILE starts one)")
        }
        let problems = Config.load(environment: environment).problems
        guard problems.isEmpty else {
            throw CommandFailure(code: 1, message: problems.map(\.description).joined(separator: "\n"))
        }
        Console.print("\(TerminalSafeText.sanitize(path)): no mistakes")
    }
}
