import Foundation
import SyntheticLibrary
import Testing
import TmuxHarness

/// `D`, `u` and `E` in the real binary on the user's library.
@Suite(.serialized) struct LibraryEndToEndTests {
    @Test func removeUndoAndEditInTheBrowser() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("mine.bib")
        try Data("""
            @article{zebra2020, author = {Zed, Zoe}, title = {Zebras and co-production}, year = 2020}
            @article{yak2021, author = {Yu, Yan}, title = {Yaks and co-production}, year = 2021}
            """.utf8).write(to: bib)
        let environment = OstromBinary.environment(state: folder)
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        let editor = try OstromBinary.script(named: "editor", in: folder, "sed -i 's/Yaks and/Yaks, edited, and/' \"$1\"")
        let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder) + ["EDITOR=" + editor.path])
        try session.waitFor("Tuurnas et al.")
        try session.send("G")
        try session.waitFor("By     Yan Yu")
        try session.send("D")
        try session.waitFor("removed yak2021 from your library (u brings it back)")
        try session.waitFor("the list without it") { $0.contains("Papers 3/3") }
        try session.send("u")
        try session.waitFor("undone: yak2021 is back in your library")
        try session.send("E")
        try session.waitFor("saved yak2021")
        try session.waitFor("the edited title") { $0.contains("Yaks, edited, and co-production") }
        try session.send("k")
        try session.waitFor("By     Zoe Zed")
        try session.send("D")
        try session.waitFor("removed zebra2020 from your library")
        try session.quitExpectingSuccess()

        let listed = try OstromBinary.run(["list"], environment: environment)
        #expect(!listed.stdout.contains("zebra2020"))
        #expect(listed.stdout.contains("Yaks, edited, and co-production"))
    }
}

/// The tab and the selection come back at the next start.
@Suite(.serialized) struct RememberedEndToEndTests {
    @Test func theNextStartIsWhereTheLastEnded() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.sessionEnvironment(state: folder)
        let first = try TmuxSession(command: appThenReport(), environment: environment)
        try first.waitFor("Tuurnas et al.")
        try first.send("2")
        try first.send("j")
        let selected = try first.waitFor("the second event") { $0.contains("Events 2/") }
        try first.send("Q")
        #expect(try first.waitFor("EXIT=").contains("EXIT=0"))
        let detail = selected.split(separator: "\n")[1].split(separator: "│").last.map(String.init) ?? ""
        // `ostrom` alone skips the command-line parser; `ostrom browse` goes through it, to the same browser.
        let again = try TmuxSession(command: appThenReport("browse"), environment: environment)
        try again.waitFor("the same tab and event") { $0.contains("Events 2/") && $0.contains(detail.trimmingCharacters(in: .whitespaces)) }
        try again.quitExpectingSuccess()
    }
}

/// A library larger than its first part: the first screen comes first,
/// the rest is read after, and a search finds what came later.
@Suite(.serialized) struct LargeLibraryEndToEndTests {
    @Test func theRestAppearsAfterTheFirstScreen() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("big.bib")
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 2_500)).utf8).write(to: bib)
        let environment = OstromBinary.environment(state: folder)
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        let listed = try OstromBinary.run(["list", "--format", "json"], environment: environment)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let title = try #require(items.last?["title"] as? String)
        let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("read your library: 2 505 records")
        try session.waitFor("every paper listed") { $0.contains("Papers 1/2502") }
        // The last record read is found, its title in the detail pane.
        let phrase = title.split(separator: " ").prefix(5).joined(separator: " ")
        try session.send("/")
        try session.send("-l", "\"\(phrase)\"")
        try session.send("Enter")
        try session.waitFor("the last record found") { $0.contains(String(title.prefix(40))) }
        try session.quitExpectingSuccess()
    }
}

/// A large file given on the command line: the first screen comes at once
/// and says the file is being read; its records and its warnings come after.
/// So does a folder of large files.
@Suite(.serialized) struct LargeFileEndToEndTests {
    @Test func theFirstScreenComesBeforeTheFileIsRead() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("large.bib")
        // Over `BrowserSession.backgroundBytes`, with one entry the parser must pass over.
        let records = SyntheticLibrary.records(count: 5_000)
        let text = SyntheticBibTeX.text(of: records) + "\n@article{broken, title = {Unclosed\n"
        try Data(text.utf8).write(to: bib)
        let session = try TmuxSession(command: appThenReport("'\(bib.path)'"), environment: OstromBinary.sessionEnvironment(state: folder))
        // The status row says so too, soon with a count of the records made.
        try session.waitFor("the first screen, while the file is read") { $0.contains("Reading large.bib…") && $0.contains("reading large.bib") }
        try session.waitFor("the records, and the warning", timeout: 120) { $0.contains("read large.bib: 5 000 records, 1 warning — ! shows them") }
        try session.waitFor("every paper listed") { $0.contains("Papers 1/") }
        try session.send("!")
        try session.waitFor("the warning shown") { $0.contains("large.bib:") }
        try session.send("q")
        // The last record found, and its abstract read back from where the
        // long texts were kept together (and compressed once indexed).
        let last = try #require(records.last)
        let abstract = try #require(last.abstract)
        var opening = ""
        for word in abstract.split(separator: " ") {
            guard opening.count + word.count < 25 else { break }
            opening += (opening.isEmpty ? "" : " ") + word
        }
        try session.send("/")
        try session.send("-l", "\"\(last.title.split(separator: " ").prefix(5).joined(separator: " "))\"")
        try session.send("Enter")
        try session.waitFor("the last record's abstract") { $0.contains(String(last.title.prefix(30))) && $0.contains(opening) }
        try session.quitExpectingSuccess()
    }

    /// `ostrom FILE` on a terminal opens the browser without the
    /// command-line parser; a file named as a command still gets the
    /// command, as the parser would have it.
    @Test func filesOpenAsTheyAreButACommandsNameIsTheCommand() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = "@article{only2020, title = {A single entry}, author = {Lone, Ada}, year = {2020}}\n"
        for name in ["list", "help", "one.bib"] { try Data(bib.utf8).write(to: folder.appendingPathComponent(name)) }
        let environment = OstromBinary.sessionEnvironment(state: folder)
        let browser = try TmuxSession(command: "cd '\(folder.path)' && " + appThenReport("one.bib list"), environment: environment)
        try browser.waitFor("both files' records in the browser") { $0.contains("Papers 1/2") && $0.contains("A single entry") }
        try browser.quitExpectingSuccess()
        let list = try TmuxSession(command: "cd '\(folder.path)' && " + appThenReport("list"), environment: environment)
        let listed = try list.waitFor("the list command's table") { $0.contains("EXIT=") }
        #expect(listed.contains("EXIT=0") && listed.contains("tuurnas2016") && !listed.contains("A single entry"))
        let help = try TmuxSession(command: "cd '\(folder.path)' && " + appThenReport("help"), environment: environment)
        let helped = try help.waitFor("the help") { $0.contains("EXIT=") }
        // The usage's last line: its first have scrolled off the 30 rows.
        #expect(helped.contains("See 'ostrom help <subcommand>' for detailed help.") && helped.contains("EXIT=0"))
    }

    @Test func aFolderOfLargeFilesIsReadAfterTheFirstScreen() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        for (name, count) in [("a.bib", 2_500), ("b.bib", 2_500)] {
            try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: count)).utf8).write(to: library.appendingPathComponent(name))
        }
        let session = try TmuxSession(command: appThenReport("'\(library.path)'"), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("the first screen, while the folder is read") { $0.contains("Reading exports…") }
        try session.waitFor("the records", timeout: 120) { $0.contains("read exports: 5 000 records") }
        try session.quitExpectingSuccess()
    }
}

/// A record's PDF: listed, opened with `xdg-open`, paged through
/// `pdftotext` (stand-ins on PATH record what they were given).
@Suite(.serialized) struct AttachmentEndToEndTests {
    @Test func oOpensThePDFAndVPagesItsText() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("papers/pestoff 2006.pdf")
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("%PDF-1.4".utf8).write(to: pdf)
        let bib = folder.appendingPathComponent("refs.bib")
        try Data("@article{pestoff2006, author = {Pestoff, Victor}, title = {Citizens and co-production}, year = 2006, file = {Full text:papers/pestoff 2006.pdf:PDF}}\n".utf8)
            .write(to: bib)
        let opened = folder.appendingPathComponent("opened")
        let tools = folder.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try OstromBinary.script(named: "xdg-open", in: tools, "printf '%s|' \"$#\" \"$@\" > '\(opened.path)'")
        try OstromBinary.script(named: "pdftotext", in: tools, "printf 'Page one: welfare services and citizens.\\fPage two.\\n'")
        let path = tools.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let session = try TmuxSession(command: appThenReport("'\(bib.path)'"), environment: ["PATH=" + path])
        try session.waitFor("File   pestoff 2006.pdf — Full text")
        try session.send("O")
        try session.waitFor("opening pestoff 2006.pdf")
        try session.waitFor("xdg-open ran") { _ in (try? String(contentsOf: opened, encoding: .utf8)) == "1|\(pdf.path)|" }
        try session.send("v")
        try session.waitFor("Page one: welfare services and citizens.")
        try session.send("q")
        try session.quitExpectingSuccess()
        let json = try OstromBinary.run(["list", "--format", "json", bib.path])
        #expect(json.stdout.contains("\"path\": \"\(pdf.path)\""))
    }
}
