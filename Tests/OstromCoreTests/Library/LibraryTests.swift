import Foundation
import Testing
@testable import OstromCore
import SyntheticLibrary

@Suite struct LibraryTests {
    @Test func foldersLoadRecursivelySortedWithoutHiddenFiles() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b/deeper"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestFiles.resources.appendingPathComponent(TestFiles.seedNames[4]), to: folder.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: TestFiles.resources.appendingPathComponent(TestFiles.seedNames[0]), to: folder.appendingPathComponent("b/deeper/z.txt"))
        try Data("hidden".utf8).write(to: folder.appendingPathComponent(".hidden.txt"))
        let library = try Library.load(paths: [folder.path])
        #expect(library.records.map(\.id) == ["body2021", "tuurnas2016"])
        #expect(library.records.last?.source?.path == folder.path + "/b/deeper/z.txt")
    }

    @Test func oneBadFileAmongManyIsReportedAndTheOthersLoad() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: TestFiles.resources.appendingPathComponent(TestFiles.seedNames[1]), to: folder.appendingPathComponent("event.txt"))
        try Data([0x50, 0x4B, 0x00, 0x01]).write(to: folder.appendingPathComponent("archive.zip"))
        try Data("Just a thought\nabout co-production".utf8).write(to: folder.appendingPathComponent("thought.txt"))
        let library = try Library.load(paths: [folder.path])
        #expect(library.records.map(\.id) == ["loeffler2020", "just"])
        #expect(library.diagnostics.map(\.description) == [
            folder.path + "/archive.zip: warning: binary file (holds NUL bytes), not text; skipped",
            folder.path + "/thought.txt:1: warning: no importer recognised this document; kept as a note",
        ])
    }

    /// A large BibTeX file tells whoever shows its progress how many
    /// records are made, on every core, up to all of them.
    @Test func aBibTeXFileCountsTheRecordsItMakes() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.bib").path
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 2_345)).utf8).write(to: URL(fileURLWithPath: path))
        let progress = ReadingProgress()
        let library = try Library.load(paths: [path], progress: progress)
        #expect(library.records.count == 2_345 && progress.count == 2_345)
    }

    /// What a load would read, to tell whether the browser reads it after
    /// its first screen: files named and files below folders, hidden ones
    /// left out; nothing for a path that is not there.
    @Test func bytesToReadCountFilesAndFoldersAndNotMissingOnes() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        try Data(count: 1_000).write(to: folder.appendingPathComponent("sub/a.bib"))
        try Data(count: 2_500).write(to: folder.appendingPathComponent("sub/deeper/b.ris"))
        try Data(count: 9_999).write(to: folder.appendingPathComponent("sub/.hidden"))
        try Data(count: 300).write(to: folder.appendingPathComponent("c.json"))
        let (sub, file) = (folder.appendingPathComponent("sub").path, folder.appendingPathComponent("c.json").path)
        #expect(Library.bytesToRead(paths: [sub]) == 3_500)
        #expect(Library.bytesToRead(paths: [sub, file]) == 3_800)
        #expect(Library.bytesToRead(paths: []) == 0)
        #expect(Library.bytesToRead(paths: [file, folder.appendingPathComponent("missing.bib").path]) == nil)
    }

    @Test func missingPathIsAnError() {
        #expect(throws: LibraryError.self) { try Library.load(paths: ["/no/such/ostrom/path"]) }
    }

    @Test func idsAreUniqueAcrossFiles() throws {
        let document = try TestFiles.seed(0)
        let library = Library(documents: [document, document, document])
        #expect(library.records.map(\.id) == ["tuurnas2016", "tuurnas2016a", "tuurnas2016b"])
    }
}
