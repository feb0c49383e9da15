import Foundation
import Testing
@testable import BrowserUI
import OstromCore
import SyntheticLibrary

/// `:export` is written on its own thread: keys work meanwhile, the tick
/// says how it ended, `Esc` cancels it and leaves nothing behind, and an
/// existing file is never replaced.
@Suite struct BackgroundExportTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Ticks until the export has ended.
    private func settle(_ state: inout AppState) {
        for _ in 0..<3000 where state.runningExport != nil {
            _ = state.tick()
            usleep(2000)
        }
    }

    @Test func anExportIsWrittenWhileKeysWork() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("papers.ris").path
        var state = try Fixture.state(width: 100, height: 30)
        let records = state.listing(in: .papers).map { state.records[$0] }
        state.receive(.exportStarted(BackgroundExport(records: records, format: .ris, path: path, now: Fixture.now)))
        #expect(state.message == "exporting 2 records as ris… (Esc cancels)")
        state.handle(.character("j"))
        #expect(state.currentList.selected == 1)
        settle(&state)
        #expect(state.message == "exported 2 records as ris to \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ExportFormat.ris.document(of: records, now: Fixture.now))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["papers.ris"])
    }

    @Test func escCancelsItAndNothingIsLeft() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("many.bib").path
        var state = try Fixture.state(width: 100, height: 30)
        let records = SyntheticLibrary.records(count: 2_000)
        // Held until Esc is pressed: on a busy machine the export could otherwise end first.
        let gate = DispatchSemaphore(value: 0)
        state.receive(.exportStarted(BackgroundExport(records: records, format: .bibtex, path: path, now: Fixture.now, startingWhen: gate)))
        #expect(state.hasRunningWork)
        // One at a time: a second is refused while the first runs.
        state.handle(.character(":"))
        for character in "export ris \(folder.path)/other.ris" { state.handle(.character(character)) }
        state.handle(.enter)
        #expect(state.message == "export: one is being written; Esc cancels it" && state.takeEffects().isEmpty)
        state.handle(.escape)
        #expect(state.message == "cancelling the export…")
        gate.signal()
        settle(&state)
        #expect(state.message == "export cancelled; nothing written" && !state.hasRunningWork)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Ctrl-C (the session's interrupt) cancels it as Esc does.
    @Test func anInterruptCancelsIt() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = try Fixture.state(width: 100, height: 30)
        let gate = DispatchSemaphore(value: 0)
        let export = BackgroundExport(records: SyntheticLibrary.records(count: 2_000), format: .csljson,
                                      path: folder.appendingPathComponent("many.json").path, now: Fixture.now, startingWhen: gate)
        state.receive(.exportStarted(export))
        state.cancelRunningWork()
        gate.signal()
        settle(&state)
        #expect(state.message == "export cancelled; nothing written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func anExistingFileIsNotReplaced() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kept.bib").path
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: path))
        var state = try Fixture.state(width: 100, height: 30)
        state.receive(.exportStarted(BackgroundExport(records: [state.records[0]], format: .bibtex, path: path, now: Fixture.now)))
        settle(&state)
        #expect(state.message == "not exported: it exists already; give another name (\(path))")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kept.bib"])
    }

    /// Quitting while it runs waits for it (the program says how it ended).
    @Test func quittingWaitsForItsEnd() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("all.json").path
        let export = BackgroundExport(records: SyntheticLibrary.records(count: 500), format: .json, path: path, now: Fixture.now)
        #expect(export.waitForOutcome() == .written && export.outcome == .written)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
