import Foundation
import Testing
import SyntheticLibrary
import TmuxHarness

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
        // `page FILE` alone skips the command-line parser; with an option it goes through it, to the same end.
        let parsed = try OstromBinary.run(["page", "-S", file.path])
        #expect(parsed.status == 0 && parsed.stdout == output.stdout)
        for arguments in [["page", folder.appendingPathComponent("none.txt").path], ["page", "-S", folder.appendingPathComponent("none.txt").path]] {
            let missing = try OstromBinary.run(arguments)
            #expect(missing.status == 2 && missing.stderr.contains("none.txt: No such file or directory"))
        }
    }
}

@Suite(.serialized) struct PageReadingPositionTests {
    @Test func pageReopensWhereItWasLeft() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        try Data((1...500).map { "note \($0)" }.joined(separator: "\n").utf8).write(to: file)
        let environment = OstromBinary.sessionEnvironment(state: folder.appendingPathComponent("state"))
        let first = try TmuxSession(command: appThenReport("page '\(file.path)'"), environment: environment)
        try first.waitFor("note 1\n")
        for key in ["2", "0", "0", "g"] { try first.send(key) }
        try first.waitFor("line 200/500")
        try first.send("q")
        #expect(try first.waitFor("EXIT=").contains("EXIT=0"))
        let second = try TmuxSession(command: appThenReport("page '\(file.path)'"), environment: environment)
        let reopened = try second.waitFor("line 200/500")
        #expect(reopened.split(separator: "\n").dropFirst().first == "note 200")
        try second.send("q")
    }
}

@Suite struct PlainFileTests {
    @Test func ostromFileCopiesAPlainFileAndListsARecognisedOne() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("log.txt")
        try Data("just a log\nsecond line\n".utf8).write(to: plain)
        let paged = try OstromBinary.run([plain.path])
        #expect(paged.status == 0 && paged.stdout == "just a log\nsecond line\n")
        // A link to it is the file it names.
        let link = folder.appendingPathComponent("latest.txt")
        #expect(symlink(plain.path, link.path) == 0)
        let linked = try OstromBinary.run([link.path])
        #expect(linked.status == 0 && linked.stdout == "just a log\nsecond line\n")
        let seed = OstromBinary.repositoryRoot.appendingPathComponent("Resources/000_9fe70f94f643b465.txt")
        let listed = try OstromBinary.run([seed.path])
        #expect(listed.stdout.contains("tuurnas2016"))
    }

    /// Past 8 MB a text file is paged, but a library is still listed, even
    /// one whose first entry comes late.
    @Test func ostromLargeFileListsALibraryAndCopiesText() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("big.bib")
        let records = SyntheticLibrary.records(count: 4500)
        try Data(SyntheticBibTeX.text(of: records).utf8).write(to: bib)
        #expect(try FileManager.default.attributesOfItem(atPath: bib.path)[.size] as? Int ?? 0 > 8 << 20)
        let listed = try OstromBinary.run([bib.path])
        #expect(listed.status == 0)
        let rows = listed.stdout.split(separator: "\n")
        #expect(rows.count == records.count + 1 && rows[0].hasPrefix("ID ") && rows[1].hasPrefix(records[0].id + " "))
        // Its first entry after a long comment (106 KB): past the first
        // 16 KB looked at, within the 256 KB looked at next. Still listed.
        let commented = folder.appendingPathComponent("commented.bib")
        let comment = String(repeating: "% written by a tool that explains itself at length\n", count: 2000)
        try Data((comment + SyntheticBibTeX.text(of: records)).utf8).write(to: commented)
        #expect(try OstromBinary.run([commented.path]).stdout.split(separator: "\n").count == records.count + 1)
        let text = folder.appendingPathComponent("big.txt")
        _ = try SyntheticLibrary.writeBigText(to: text, megabytes: 9, marker: "zyzzyva")
        let paged = try OstromBinary.run([text.path])
        #expect(paged.status == 0 && paged.stdout.utf8.count >= 9 << 20)
    }
}

/// The big-file check: 200 MB opens at once, `G`, a word near the
/// end, and a resize while wrapped, all without waiting for the file.
@Suite(.serialized) struct BigFileEndToEndTests {
    @Test func twoHundredMegabytes() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("200mb.txt")
        let last = try SyntheticLibrary.writeBigText(to: file, megabytes: 200, marker: "zyzzyva")
        let session = try TmuxSession(command: appThenReport("page '\(file.path)'"))
        try session.waitFor("0000001 ", timeout: 5)
        try session.send("G")
        try session.waitFor(String(format: "%07d ", last), timeout: 5)
        try session.send("g", "/")
        try session.send("-l", "zyzzyva")
        try session.send("Enter")
        try session.waitFor("match 1 of 1", timeout: 10)
        try session.resize(width: 40, height: 12)
        let narrow = try session.waitFor("the match line rewrapped", timeout: 5) { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 40 } && screen.contains("zyzzyva")
        }
        #expect(narrow.contains("zyzzyva"))
        try session.resize(width: 100, height: 30)
        try session.waitFor("zyzzyva")
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }
}
