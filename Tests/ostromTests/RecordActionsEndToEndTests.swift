import Foundation
import Testing
import TmuxHarness

/// `y` reaches tmux's clipboard through OSC 52; `o` runs `xdg-open` with the
/// DOI as its one argument (a stand-in `xdg-open` on PATH records it).
@Suite(.serialized) struct RecordActionsEndToEndTests {
    @Test func yCopiesTheCitationThroughOSC52() throws {
        let session = try TmuxSession(command: appThenReport())
        try session.tmux(["set-option", "-s", "set-clipboard", "on"])
        try session.waitFor("Tuurnas et al.")
        try session.send("y")
        try session.waitFor("copied the APA citation of tuurnas2016")
        try session.waitFor("the tmux buffer") { _ in
            (try? session.tmux(["show-buffer"]))?.contains("Tuurnas, S.") ?? false
        }
        #expect(try session.tmux(["show-buffer"]).hasPrefix("Tuurnas, S., Stenvall, J., & Rannisto, P.-H. (2016)."))
        try session.send("Y")
        try session.waitFor("copied the BibTeX entry of tuurnas2016")
        try session.waitFor("the BibTeX in the buffer") { _ in
            (try? session.tmux(["show-buffer"]))?.hasPrefix("@article{tuurnas2016,") ?? false
        }
        try session.quitExpectingSuccess()
    }

    @Test func oRunsXdgOpenWithTheDOI() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let opened = folder.appendingPathComponent("opened")
        try OstromBinary.script(named: "xdg-open", in: folder, "printf '%s|' \"$#\" \"$@\" > '\(opened.path)'")
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let session = try TmuxSession(command: appThenReport(), environment: ["PATH=" + path])
        try session.waitFor("Tuurnas et al.")
        try session.send("o")
        try session.waitFor("opening https://doi.org/10.1177/0020852314566010")
        try session.waitFor("xdg-open ran") { _ in FileManager.default.fileExists(atPath: opened.path) }
        try session.waitFor("its arguments") { _ in
            (try? String(contentsOf: opened, encoding: .utf8)) == "1|https://doi.org/10.1177/0020852314566010|"
        }
        try session.quitExpectingSuccess()
    }
}

/// Stars, tags and notes in the real binary: kept across runs, the note
/// written in $EDITOR, a damaged file of an earlier version kept with a warning.
@Suite(.serialized) struct AnnotationsEndToEndTests {
    @Test func starTagAndNoteAreKeptAcrossRuns() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let editor = try OstromBinary.script(named: "editor", in: folder, "printf 'Read with Pestoff 2006.\\n' >> \"$1\"")
        let state = OstromBinary.sessionEnvironment(state: folder.appendingPathComponent("state"))
        let session = try TmuxSession(command: appThenReport(), environment: ["EDITOR=" + editor.path] + state)
        try session.waitFor("Tuurnas et al.")
        try session.send("m")
        try session.waitFor("starred tuurnas2016")
        try session.send("t")
        try session.send("-l", "care")
        try session.send("Enter")
        try session.waitFor("tagged tuurnas2016: #care")
        try session.send("e")
        try session.waitFor("saved the note of tuurnas2016")
        try session.quitExpectingSuccess()

        let again = try TmuxSession(command: appThenReport(), environment: state)
        try again.waitFor("the star, tag and note") { screen in
            screen.contains("Read with Pestoff 2006.") && screen.contains("Yours * starred #care")
                && screen.split(separator: "\n").dropFirst().first?.hasPrefix("*2016") == true
        }
        try again.quitExpectingSuccess()
    }

    @Test func aFailingEditorLeavesTheNoteAsItWas() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let editor = try OstromBinary.script(named: "editor", in: folder, "printf 'half-written' >> \"$1\"; exit 3")
        let session = try TmuxSession(command: appThenReport(), environment: ["EDITOR=" + editor.path] + OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("Tuurnas et al.")
        try session.send("e")
        // The editor's name, not its path, whose length depends on $TMPDIR.
        try session.waitFor("note not edited: editor exited with status 3; the note is as it was")
        try session.quitExpectingSuccess()
        let shown = try OstromBinary.run(["annotate", "tuurnas2016"], environment: OstromBinary.environment(state: folder))
        #expect(shown.stdout.hasPrefix("tuurnas2016  ·\nOn the ladder"))
    }

    /// A state file an earlier version left damaged is said at start and kept.
    @Test func aDamagedFileIsReportedAndKept() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stateFolder = folder.appendingPathComponent("ostrom")
        try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let damaged = stateFolder.appendingPathComponent("annotations.json")
        try Data("{\"records\": ".utf8).write(to: damaged)
        let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("not moved into library.sqlite")
        #expect(try Data(contentsOf: damaged) == Data("{\"records\": ".utf8))
        try session.quitExpectingSuccess()
    }
}

@Suite(.serialized) struct LoadWarningsEndToEndTests {
    @Test func warningsShowAtStartAndBangListsThem() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("mine.bib")
        try Data("""
            @article{good2020, title = {Good one}, author = {Pestoff, Victor}, year = 2020}
            @article{broken2021, title = {Broken, author = {Nobody}, year = 2021}
            @misc{twice2020, title = {Twice}}
            @misc{twice2020, title = {Twice again}}
            """.utf8).write(to: bib)
        let session = try TmuxSession(command: appThenReport("'\(bib.path)'"))
        try session.waitFor("2 warnings while loading — ! shows them")
        try session.send("!")
        // Long lines wrap at words in the pager: read the screen as one text
        // without its white space, once the pager is drawn whole.
        let expected = ["mine.bib:3: warning: entry broken2021", "mine.bib:4: warning: citation key “twice2020” is used before, at line 3"]
            .map { $0.filter { !$0.isWhitespace } }
        try session.waitFor("both warnings in the pager") { screen in
            let text = screen.filter { !$0.isWhitespace }
            return screen.hasPrefix(" Messages") && expected.allSatisfy(text.contains)
        }
        try session.send("q")
        try session.waitFor("Good one")
        try session.quitExpectingSuccess()
    }
}
