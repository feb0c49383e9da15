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
        try session.send("Q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }

    @Test func oRunsXdgOpenWithTheDOI() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let opened = folder.appendingPathComponent("opened")
        let opener = folder.appendingPathComponent("xdg-open")
        try Data("#!/bin/sh\nprintf '%s|' \"$#\" \"$@\" > '\(opened.path)'\n".utf8).write(to: opener)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: opener.path)
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let session = try TmuxSession(command: appThenReport(), environment: ["PATH=" + path])
        try session.waitFor("Tuurnas et al.")
        try session.send("o")
        try session.waitFor("opening https://doi.org/10.1177/0020852314566010")
        try session.waitFor("xdg-open ran") { _ in FileManager.default.fileExists(atPath: opened.path) }
        try session.waitFor("its arguments") { _ in
            (try? String(contentsOf: opened, encoding: .utf8)) == "1|https://doi.org/10.1177/0020852314566010|"
        }
        try session.send("Q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }
}
