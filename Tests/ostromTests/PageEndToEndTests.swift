import Foundation
import Testing

/// `ostrom page FILE` on a terminal, and copied through when not.
@Suite(.serialized) struct PageEndToEndTests {
    private func writeLines(_ count: Int) throws -> URL {
        let folder = try OstromBinary.temporaryFolder()
        let file = folder.appendingPathComponent("big.txt")
        let text = (1...count).map { "line \($0) of the co-production log" }.joined(separator: "\n") + "\nthe very last line\n"
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func pagesJumpsToTheEndSearchesAndQuits() throws {
        let file = try writeLines(50_000)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let session = try TmuxSession(command: appThenReport("page '\(file.path)'"))
        try session.waitFor("line 1 of the co-production log")
        try session.send("G")
        try session.waitFor("the very last line")
        try session.waitFor("100%")
        try session.send("/")
        try session.send("-l", "line 49999 ")
        try session.send("Enter")
        try session.waitFor("match 1 of 1")
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
        try session.waitFor("MODES: icanon echo")
    }

    @Test func copiesSanitisedTextWhenNotATerminal() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("evil.txt")
        try Data("plain\nbell\u{07} and \u{1B}[2J\ttab\n".utf8).write(to: file)
        let output = try OstromBinary.run(["page", file.path])
        #expect(output.status == 0)
        #expect(output.stdout == "plain\nbell^G and ^[[2J        tab\n")
        let missing = try OstromBinary.run(["page", folder.appendingPathComponent("none.txt").path])
        #expect(missing.status == 2 && missing.stderr.contains("none.txt: No such file or directory"))
    }
}
