import Foundation
import Testing
import TmuxHarness

/// The `:` command line with the real binary: a search's hits exported to
/// a new file (never over one), and the theme changed while running and
/// drawn again at the next start.
@Suite(.serialized) struct CommandLineEndToEndTests {
    @Test func exportAndThemeFromTheCommandLine() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hits.bib")
        let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("Tuurnas et al.")
        try session.send(":")
        try session.send("-l", "search conciliation")
        try session.send("Enter")
        // Its hit listed, not only the query shown: an index still being made shows the query first.
        try session.waitFor("the search's hit") { $0.contains("/conciliation") && $0.contains("Papers 1/") }
        try session.send(":")
        try session.send("-l", "export bibtex \(file.path)")
        try session.send("Enter")
        try session.waitFor("exported 1 record as bibtex")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix("@article{tuurnas2016,") && written.contains("conciliation service"))
        try session.send(":")
        try session.send("-l", "export ris \(file.path)")
        try session.send("Enter")
        try session.waitFor("it exists already")
        #expect(try String(contentsOf: file, encoding: .utf8) == written)
        // The header is drawn in the light theme's colours (255 on 25) instead of the dark's (252 on 24).
        let dark = try session.captureStyled().split(separator: "\n")[0]
        #expect(dark.contains("48;5;24m") && !dark.contains("48;5;25m"), "\(dark.debugDescription)")
        try session.send(":")
        try session.send("-l", "theme light")
        try session.send("Enter")
        try session.waitFor("theme: light")
        let light = try session.captureStyled().split(separator: "\n")[0]
        #expect(light.contains("48;5;25m") && !light.contains("48;5;24m"))
        try session.quitExpectingSuccess()

        let next = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try next.waitFor("the list") { $0.contains("Papers 1/") }
        #expect(try next.captureStyled().split(separator: "\n")[0].contains("48;5;25m"))
        try next.quitExpectingSuccess()
    }
}
