import Foundation
import Testing
@testable import OstromCore

/// A new file is written whole or not at all, and never over one there.
@Suite struct NewFileTests {
    @Test func writesANewFileAndNeverReplacesOne() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("refs.bib").path
        try NewFile.write("@misc{a, title = {A}}\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "@misc{a, title = {A}}\n")
        #expect(throws: NewFile.Failure.self) { try NewFile.write("other", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "@misc{a, title = {A}}\n")
        #expect(throws: NewFile.Failure.self) { try NewFile.write("x", to: folder.appendingPathComponent("no/such/folder.bib").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["refs.bib"])
    }
}
