import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `y`, `Y` and `o`: the selected record's citation, BibTeX entry and DOI
/// handed to the driver as effects, with a message on the status line.
@Suite struct RecordActionTests {
    @Test func yCopiesTheAPACitationAndCapitalYTheBibTeX() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let record = try #require(state.selectedRecord)
        state.handle(.character("y"))
        #expect(state.takeEffects() == [.copyToClipboard(APAReferenceList.reference(record))])
        #expect(state.message == "copied the APA citation of \(record.id)")
        state.handle(.character("Y"))
        let effects = state.takeEffects()
        guard case .copyToClipboard(let bibtex)? = effects.first else {
            Issue.record("Y copies the BibTeX entry")
            return
        }
        #expect(bibtex.hasPrefix("@article{\(record.id),"))
        #expect(FrameComposer.compose(state).rowText(29).contains("copied the BibTeX entry of \(record.id)"))
    }

    @Test func theDOIInTheDetailPaneIsAHyperlink() throws {
        let grid = FrameComposer.compose(try Fixture.state(width: 100, height: 30))
        let link = try #require(grid.links.first)
        #expect(link.url == "https://doi.org/10.1177/0020852314566010")
        let row = grid.rowText(link.y)
        let characters = Array(row)
        #expect(String(characters[link.x..<(link.x + link.width)]) == "10.1177/0020852314566010")
    }

    @Test func oOpensTheDOIOrSaysThereIsNone() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let record = try #require(state.selectedRecord)
        let doi = try #require(record.doi)
        state.handle(.character("o"))
        #expect(state.takeEffects() == [.openLink("https://doi.org/" + doi)])
        state.handle(.character("2"))
        let event = try #require(state.selectedRecord)
        #expect(event.doi == nil)
        state.handle(.character("o"))
        #expect(state.takeEffects().isEmpty)
        #expect(state.message == "\(event.id) has no DOI or web address to open")
    }

    @Test func notInThePagerNorOnTheLadder() throws {
        var state = try Fixture.state(width: 100, height: 30)
        state.handle(.character("4"))
        state.handle(.character("y"))
        state.handle(.character("1"))
        state.handle(.character("v"))
        state.handle(.character("o"))
        #expect(state.takeEffects().isEmpty)
    }
}
