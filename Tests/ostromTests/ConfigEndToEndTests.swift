import Foundation
import Testing
import TmuxHarness

/// The config file with the real binary: a mistake is shown in the status
/// row with its line and listed by `!`, and the rest applies; `ostrom
/// config` checks the file and prints the default one.
@Suite(.serialized) struct ConfigEndToEndTests {
    private func writeConfig(_ text: String, in folder: URL) throws {
        let file = folder.appendingPathComponent("config/ostrom/config.toml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    @Test func aMistakeIsShownWithItsLineAndTheRestApplies() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeConfig("[keys]\n\"x\" = \"move-down\"\n\"y\" = \"mvoe-up\"\n", in: folder)
        let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("the mistake in the status row") { $0.contains("config.toml:3: unknown action \"mvoe-up\"; did you mean move-up?") }
        try session.send("x")
        try session.waitFor("x moved down") { $0.contains("Papers 2/") }
        try session.send("!")
        try session.waitFor("the mistake listed") { $0.contains("did you mean move-up?") && !$0.contains("Papers 2/") }
        try session.send("q")
        try session.quitExpectingSuccess()
    }

    /// Every setting reaches the browser: columns, the split, the theme, and
    /// `q` quitting without asking.
    @Test func theLayoutThemeAndQuittingComeFromTheFile() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeConfig("""
            [general]
            confirm-quit = false
            [colors]
            theme = "light"
            [layout]
            ratio = 0.7
            [layout.columns]
            papers = ["kind", "title"]
            """, in: folder)
        let session = try TmuxSession(width: 120, command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        let screen = try session.waitFor("the configured list") { $0.contains("paper      The impact of co-production") }
        let row = screen.split(separator: "\n")[1]
        #expect(row.distance(from: row.startIndex, to: try #require(row.firstIndex(of: "│"))) == 84)
        #expect(try session.captureStyled().split(separator: "\n")[0].contains("48;5;25m"))
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }

    /// `#rrggbb` is drawn exactly on a direct-colour terminal (tmux keeps
    /// the colour it was sent, and gives it back as `38;2;R;G;B`), and as
    /// the nearest of the 256 on a 256-colour one.
    @Test func exactColoursOnADirectColourTerminal() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeConfig("[colors]\nheader = \"#123456 on #abcdef\"\n", in: folder)
        for (term, foreground, background) in [("xterm-direct", "38;2;18;52;86", "48;2;171;205;239"), ("tmux-256color", "38;5;23", "48;5;153")] {
            let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder) + ["TERM=" + term])
            try session.waitFor("the list") { $0.contains("The impact of co-production") }
            let header = try #require(try session.captureStyled().split(separator: "\n").first)
            #expect(header.contains(foreground) && header.contains(background), "\(term): \(header)")
            try session.quitExpectingSuccess()
        }
    }

    @Test func configChecksTheFileAndPrintsTheDefault() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let none = try OstromBinary.run(["config"], environment: environment)
        #expect(none.status == 0 && none.stdout.contains("no config file; the defaults apply"))

        let printed = try OstromBinary.run(["config", "--print-default"], environment: environment)
        #expect(printed.status == 0 && printed.stdout.contains("\"j\" = \"move-down\"") && printed.stdout.contains("[layout]"))
        try writeConfig(printed.stdout, in: folder)
        let clean = try OstromBinary.run(["config"], environment: environment)
        #expect(clean.status == 0 && clean.stdout.hasSuffix("config.toml: no mistakes\n"))

        try writeConfig("[layout]\nratio = 2\n", in: folder)
        let wrong = try OstromBinary.run(["config"], environment: environment)
        #expect(wrong.status == 1 && wrong.stderr.contains("config.toml:2: ratio is the list's share of the width, from 0.2 to 0.8"))
    }

    @Test func typosOffInTheConfigHoldOnTheCommandLine() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let withTypos = try OstromBinary.run(["search", "accountabilty"], environment: environment)
        #expect(withTypos.status == 0 && withTypos.stdout.contains("tuurnas2016"))
        try writeConfig("[search]\ntypos = false\n", in: folder)
        let without = try OstromBinary.run(["search", "accountabilty"], environment: environment)
        #expect(without.status == 1 && !without.stdout.contains("tuurnas2016"))
    }
}
