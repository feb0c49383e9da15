import Foundation
import OstromCore
import SyntheticLibrary
import Testing
import TmuxHarness

/// The ladder's placements in the real binary: `L` and back, a stage's
/// "Placed here" list, and `p` saving a place that `ostrom show` then
/// reports as set by the user.
@Suite(.serialized) struct LadderEndToEndTests {
    @Test func jumpPlaceAndSeeItFromTheCommandLine() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("Tuurnas et al.")
        try session.send("L")
        try session.waitFor("tuurnas2016 on the ladder: Doing with — q goes back")
        try session.waitFor("the Placed here list") { $0.contains("Placed here (8)") && $0.contains("tuurnas2016  The impact") }
        try session.send("q")
        try session.waitFor("back on Papers") { $0.contains("Papers 1/2") }
        try session.send("j")
        try session.send("p")
        try session.waitFor("Place body2021 on the ladder — now suggested")
        // From "Doing with" down to "Doing to", chosen, saved.
        try session.send("j")
        try session.send("j")
        try session.send("Space")
        try session.send("Enter")
        try session.waitFor("placed body2021: Doing to")
        try session.waitFor("the detail") { $0.contains("Ladder   Doing to (set by you") }
        try session.quitExpectingSuccess()

        let shown = try OstromBinary.run(["show", "body2021"], environment: OstromBinary.environment(state: folder))
        #expect(shown.stdout.contains("On the ladder (set by you)\n  Stage       Doing to"))
    }

    /// The library's places are kept beside it: the first start writes
    /// them, the next takes them from there and leaves the file alone.
    @Test func placesAreKeptBesideTheLibraryBetweenStarts() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("mine.bib")
        try Data("@article{zebra2020, author = {Zed, Zoe}, title = {Zebras and co-production}, year = 2020}\n".utf8).write(to: bib)
        let environment = OstromBinary.environment(state: folder)
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        let kept = URL(fileURLWithPath: OstromBinary.library(state: folder)).deletingLastPathComponent().appendingPathComponent("placements").path
        let first = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        try first.waitFor("Tuurnas et al.")
        try first.send("4")
        try first.waitFor("the places written") { _ in FileManager.default.fileExists(atPath: kept) }
        try first.quitExpectingSuccess()
        // Planted: every record kept as "Doing to", which nothing here says.
        let engine = PlacementEngine()
        let planted = PlacementSummary(suggestion: PlacementChoice(stage: "Doing to"), scores: [("Doing to", 7)])
        let keys = PlacementFile.read(path: kept, engine: engine).keys
        #expect(keys.count > 1)
        #expect(PlacementFile.write(keys.map { (key: $0, summary: planted) }, to: kept, engine: engine))
        let written = try FileManager.default.attributesOfItem(atPath: kept)[.systemFileNumber] as? Int

        let again = try TmuxSession(command: appThenReport(), environment: OstromBinary.sessionEnvironment(state: folder))
        // The Ladder tab again (the last tab comes back), placing from the file.
        try again.waitFor("THE LADDER")
        try again.send("1")
        try again.send("G")
        try again.waitFor("By     Zoe Zed")
        try again.send("L")
        try again.waitFor("zebra2020 on the ladder: Doing to — q goes back")
        try again.quitExpectingSuccess()
        #expect(try FileManager.default.attributesOfItem(atPath: kept)[.systemFileNumber] as? Int == written)
    }

    /// A large library: the Ladder tab opens at once and answers keys while
    /// its records are placed on another thread, the status row counting.
    @Test func theLadderAnswersWhileALargeLibraryIsPlaced() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("large.bib")
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 20_000)).utf8).write(to: bib)
        let session = try TmuxSession(command: appThenReport("'\(bib.path)'"), environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("the library", timeout: 60) { $0.contains("Papers 1/") }
        try session.send("4")
        try session.waitFor("the count of records placed") { $0.contains("placing records on the ladder: ") }
        try session.send("j")
        // The selection moves at once, and records are still being placed after.
        try session.waitFor("j answered", timeout: 3) { $0.split(separator: "\n").last?.contains("Ladder 2/") == true }
        try session.waitFor("the count again", timeout: 30) { screen in
            let status = screen.split(separator: "\n").last.map(String.init) ?? ""
            return status.contains("Ladder 2/") && status.contains("placing records on the ladder: ")
        }
        try session.quitExpectingSuccess()
    }
}
