import Foundation
import Testing
import TmuxHarness

/// The real binary in a real terminal (tmux): tabs, opening and going
/// back, resizing down to 1×1, and every way out leaving the terminal sane.
@Suite(.serialized) struct BrowserEndToEndTests {
    private let sane = "MODES: icanon echo"

    /// tmux sends ESC [ 4 ~ for End even when TERM says xterm-256color,
    /// whose terminfo has ESC O F: End went to the Ladder tab ("4") before.
    @Test func homeEndAndPagesWhateverTERMSays() throws {
        let session = try TmuxSession(command: appThenReport(), environment: ["TERM=xterm-256color"])
        try session.waitFor("Papers 1/2")
        try session.send("End")
        try session.waitFor("Papers 2/2")
        try session.send("Home")
        try session.waitFor("Papers 1/2")
        try session.send("NPage")
        try session.waitFor("Papers 2/2")
        try session.send("PPage")
        try session.waitFor("Papers 1/2")
        #expect(!(try session.capture()).contains("does nothing"))
        try session.quitExpectingSuccess()
    }

    @Test func tabsOpenBackAndQuit() throws {
        let session = try TmuxSession(command: appThenReport())
        try session.waitFor("1 Papers")
        try session.waitFor("Tuurnas et al.")
        try session.send("2")
        try session.waitFor("Loeffler")
        try session.send("3")
        try session.waitFor("New Economics Foundation")
        try session.send("Enter")
        try session.waitFor("Defining Co-production")
        try session.send("q")
        try session.waitFor("Transcripts 1/1")
        try session.send("4")
        // The rungs are drawn after the heading: wait for them (tmux may show a frame half written).
        let ladder = try session.waitFor("╟──╢ 3 Doing with")
        #expect(ladder.contains("THE LADDER"))
        try session.send("Q")
        let end = try session.waitFor("EXIT=")
        #expect(end.contains("EXIT=0"))
        #expect(try session.waitFor(sane).contains(sane))
    }

    @Test func resizeReflowsAtEverySize() throws {
        let session = try TmuxSession(command: appThenReport())
        try session.waitFor("Tuurnas et al.")
        try session.resize(width: 60, height: 20)
        try session.waitFor("stacked panes") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("────────") } && !screen.contains("│")
        }
        try session.resize(width: 30, height: 10)
        try session.waitFor("30 columns") { $0.split(separator: "\n").first.map { $0.count <= 30 && $0.contains("1 Papers") } ?? false }
        try session.resize(width: 1, height: 1)
        try session.waitFor("1×1") { $0.trimmingCharacters(in: .whitespacesAndNewlines).count <= 1 }
        try session.resize(width: 120, height: 30)
        let restored = try session.waitFor("side by side again") { $0.contains("│ The impact of co-production") && $0.contains("ostrom") }
        let lines = restored.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 30)
        #expect(lines[1].contains("Tuurnas et al."))
        try session.send("Q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
        try session.waitFor(sane)
    }

    @Test(arguments: [("TERM", "143"), ("HUP", "129"), ("INT", "130")])
    func signalsEndInAnOrderlyWay(signal: String, status: String) throws {
        let session = try TmuxSession(command: appThenReport())
        try session.waitFor("Tuurnas et al.")
        let pid = try session.appPID()
        kill(pid, signal == "TERM" ? SIGTERM : signal == "HUP" ? SIGHUP : SIGINT)
        #expect(try session.waitFor("EXIT=").contains("EXIT=\(status)"))
        try session.waitFor(sane)
    }

    /// Every fatal signal, with Swift's backtracer on as users have it:
    /// the terminal is restored and the program ends with the signal.
    @Test(arguments: [("SEGV", SIGSEGV), ("ABRT", SIGABRT), ("BUS", SIGBUS), ("QUIT", SIGQUIT)])
    func crashLeavesTheTerminalSane(name: String, signal: Int32) throws {
        let session = try TmuxSession(command: appThenReport(), environment: ["SWIFT_BACKTRACE=enable=yes,interactive=no"])
        try session.waitFor("Tuurnas et al.")
        kill(try session.appPID(), signal)
        let end = try session.waitFor("EXIT=", timeout: 30)
        #expect(end.contains("EXIT=\(128 + signal)"), "\(name)")
        try session.waitFor(sane)
    }

    @Test func ctrlZSuspendsAndFgResumes() throws {
        let session = try TmuxSession(command: "PS1='ready>' exec bash --norc --noprofile -i")
        try session.waitFor("ready>")
        try session.send("'\(OstromBinary.url.path)'", "Enter")
        try session.waitFor("Tuurnas et al.")
        try session.send("C-z")
        try session.waitFor("Stopped")
        try session.send("stty -a | grep -o -w -e -icanon -e icanon | head -1", "Enter")
        try session.waitFor("stty sane while stopped") { $0.split(separator: "\n").contains { $0 == "icanon" } }
        try session.send("fg", "Enter")
        try session.waitFor("Papers 1/2")
        try session.send("Down")
        try session.waitFor("Papers 2/2")
        try session.send("q")
        try session.waitFor("quit? y/n")
        try session.send("y")
        try session.waitFor("prompt back") { $0.split(separator: "\n").last { !$0.isEmpty } == "ready>" }
    }

    @Test func dumbOrMissingTermIsAClearErrorNotAHang() throws {
        let session = try TmuxSession(command: "TERM=dumb " + appThenReport())
        let dumb = try session.waitFor("EXIT=")
        #expect(dumb.contains("EXIT=2") && dumb.contains("TERM=dumb"))
        let unset = try TmuxSession(command: "unset TERM; " + appThenReport())
        let missing = try unset.waitFor("EXIT=")
        #expect(missing.contains("EXIT=2") && missing.contains("TERM is not set"))
        let unknown = try TmuxSession(command: "TERM=no-such-terminal " + appThenReport())
        let strange = try unknown.waitFor("EXIT=")
        #expect(strange.contains("EXIT=2") && strange.contains("unknown terminal type"))
    }
}
