import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import TerminalCanvas

/// `D` and `E` on the records of the user's library, and `u` after them.
@Suite struct RecordActionTests {
    private func libraryState() throws -> AppState {
        var state = try Fixture.state(width: 100, height: 30)
        state.libraryRecordIDs = Set(state.records.map(\.id))
        return state
    }

    @Test func dRemovesAndUndoBringsBackInOrderWithAnnotations() throws {
        var state = try libraryState()
        let papers = state.listing(in: .papers)
        let first = try #require(state.selectedRecord)
        state.handle(.character("m"))
        _ = state.takeEffects()
        state.handle(.character("D"))
        #expect(state.takeEffects() == [.removeRecords([first.id])])
        #expect(state.message == "removed \(first.id) from your library (u brings it back)")
        #expect(state.listing(in: .papers) == Array(papers.dropFirst()))
        #expect(state.selectedRecord?.id != first.id)
        // u: the removal first, then the star.
        state.handle(.character("u"))
        #expect(state.takeEffects() == [.restoreRecords([first.id])])
        #expect(state.listing(in: .papers) == papers)
        #expect(state.selectedRecord?.id == first.id)
        #expect(state.annotations[first.id].starred)
        state.handle(.character("u"))
        #expect(!state.annotations[first.id].starred)
        state.handle(.character("u"))
        #expect(state.message == "nothing to undo")
    }

    @Test func aRemovalThatFailsShowsTheRecordAgain() throws {
        var state = try libraryState()
        let first = try #require(state.selectedRecord)
        state.handle(.character("D"))
        state.receive(.removalFailed(recordIDs: [first.id], reason: "not removed: disk full"))
        #expect(state.listing(in: .papers).first.map { state.records[$0].id } == first.id)
        #expect(state.message == "not removed: disk full")
        state.handle(.character("u"))
        #expect(state.message == "nothing to undo")
    }

    @Test func builtInRecordsAndFilesAreNotChanged() throws {
        var state = try Fixture.state(width: 100, height: 30)
        let first = try #require(state.selectedRecord)
        state.handle(.character("D"))
        state.handle(.character("E"))
        #expect(state.takeEffects().isEmpty)
        #expect(state.message == "\(first.id) is in a file being browsed: import it to change it")
        state.libraryRecordIDs = ["other"]
        state.handle(.character("D"))
        #expect(state.message == "\(first.id) is built in: only records of your library can be changed")
    }

    /// The search index shares the records: it lets go of them before an
    /// edit replaces one (else all would be copied first), and has them
    /// back, the edited one among them, at the next search.
    @Test func anEditTakesTheRecordsFromTheIndexUntilTheNextSearch() throws {
        var state = try libraryState()
        #expect(state.searchIndex.index.records == state.records)
        var first = try #require(state.selectedRecord)
        first.title = "A title edited"
        state.receive(.recordEdited(first))
        #expect(state.searchIndex.index.records.isEmpty && state.selectedRecord?.title == "A title edited")
        for key in [.character("/")] + "coproduction".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.searchIndex.index.records == state.records)
        #expect(state.filters[.papers]?.hits.isEmpty == false)
    }

    @Test func eEditsAndTheEditedRecordIsShown() throws {
        var state = try libraryState()
        var first = try #require(state.selectedRecord)
        state.handle(.character("E"))
        #expect(state.takeEffects() == [.editRecord(recordID: first.id)])
        first.title = "A title edited"
        state.receive(.recordEdited(first))
        #expect(state.selectedRecord?.title == "A title edited")
        #expect((0..<30).contains { FrameComposer.compose(state).rowText($0).contains("A title edited") })
    }
}

/// A record's files: listed in the detail pane (missing ones marked),
/// `O` opens one that is there, `v` pages a PDF's text.
@Suite struct AttachmentActionTests {
    @Test func filesAreListedOpenedAndPaged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("paper.pdf")
        try Data("%PDF-1.4".utf8).write(to: pdf)
        var record = Record(id: "doe2020", kind: .paper, title: "A paper with files")
        record.attachments = [RecordAttachment(path: folder.appendingPathComponent("gone.pdf").path, description: "Old copy"),
                              RecordAttachment(path: pdf.path, type: "PDF")]
        var state = AppState(records: [record], ladder: nil, now: Fixture.now, size: (100, 30))
        let frame = (0..<30).map { FrameComposer.compose(state).rowText($0) }.joined(separator: "\n")
        #expect(frame.contains("File   gone.pdf — Old copy (missing)"))
        #expect(frame.contains("File   paper.pdf"))
        state.handle(.character("O"))
        #expect(state.takeEffects() == [.openFile(pdf.path)])
        #expect(state.message == "opening paper.pdf")
        state.handle(.character("v"))
        #expect(state.takeEffects() == [.pagePDF(path: pdf.path, title: "A paper with files", recordID: "doe2020")])
        state.receive(.pdfTextUnavailable(recordID: "doe2020", reason: "pdftotext is not installed"))
        #expect(state.message == "pdftotext is not installed")
        #expect(state.screenKind == .pager)
        state.handle(.character("q"))
        state.receive(.pdfText(title: "A paper with files", text: "Page one of the PDF", recordID: "doe2020"))
        #expect((0..<30).contains { FrameComposer.compose(state).rowText($0).contains("Page one of the PDF") })
    }

    @Test func aRecordWithoutFilesOrWithOnlyMissingOnesSaysSo() throws {
        var record = Record(id: "bare2020", kind: .paper, title: "No files")
        var state = AppState(records: [record], ladder: nil, now: Fixture.now, size: (100, 30))
        state.handle(.character("O"))
        #expect(state.message == "bare2020 has no file")
        record.attachments = [RecordAttachment(path: "/nonexistent/ostrom/x.pdf")]
        state = AppState(records: [record], ladder: nil, now: Fixture.now, size: (100, 30))
        state.handle(.character("O"))
        #expect(state.message == "bare2020: /nonexistent/ostrom/x.pdf is missing")
        state.handle(.character("v"))
        #expect(state.takeEffects().isEmpty && state.screenKind == .pager)
    }
}
