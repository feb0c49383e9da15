import Foundation
import Testing
@testable import OstromCore

/// File names that are not UTF-8 (a Latin-1 `café.bib`) are opened, listed
/// and shown with their bytes escaped.
@Suite struct RawPathTests {
    @Test func namesThatAreNotUTF8RoundTripAndShowEscaped() {
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".bib".utf8)
        let name = RawPath.string(latin1)
        #expect(RawPath.bytes(name) == latin1)
        #expect(RawPath.display(name) == "caf\\xE9.bib")
        #expect(RawPath.string(Array("café.bib".utf8)) == "café.bib")
        let cut: [UInt8] = [0x61, 0xE2, 0x82, 0x62, 0xF0, 0x9F, 0x98, 0x80]
        #expect(RawPath.bytes(RawPath.string(cut)) == cut)
        #expect(RawPath.display(RawPath.string(cut)) == "a\\xE2\\x82b😀")
    }

    @Test func aFolderWithSuchANameLoadsIt() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = RawPath.string(Array((folder.path + "/caf").utf8) + [0xE9] + Array(".bib".utf8))
        let descriptor = RawPath.withCString(name) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        let text = Array("@article{cafe2020, title = {Café}, year = 2020}\n".utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        close(descriptor)
        let library = try Library.load(paths: [folder.path])
        #expect(library.records.map(\.id) == ["cafe2020"])
        #expect(RawPath.display(library.records[0].source?.path ?? "") == folder.path + "/caf\\xE9.bib")
        #expect(try Library.load(paths: [name]).records.count == 1)
    }

    /// A file is read into a block the size it has, and past it when it
    /// says nothing of its size (a pipe) or grows: sizes around the
    /// block's, the huge-page size, and a pipe written a byte short of
    /// each doubling, all read whole.
    @Test func filesOfEverySizeAndPipesAreReadWhole() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 2, 4095, 4096, 4097, (2 << 20) - 1, 2 << 20, (2 << 20) + 1, 5_000_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            let path = folder.appendingPathComponent("file-\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(RawPath.contents(of: path).map(Array.init) == bytes, "size \(size)")
        }
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let written = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let writer = Thread {
            let descriptor = open(pipe, O_WRONLY)
            var offset = 0
            while offset < written.count {
                let count = written[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, min($0.count, 1023)) }
                guard count > 0 else { break }
                offset += count
            }
            close(descriptor)
        }
        writer.start()
        #expect(RawPath.contents(of: pipe).map(Array.init) == written)
        #expect(RawPath.contents(of: folder.appendingPathComponent("missing").path) == nil)
    }

    @Test func aPathsLastComponentIsItsNameWhateverItEndsWith() {
        let cases = ["one.bib": "one.bib", "a/b/one.bib": "one.bib", "/a/notes/": "notes", "a//notes//": "notes", "/": "/", "//": "/", "": ""]
        for (path, name) in cases {
            #expect(RawPath.lastComponent(of: path) == name, "\(path)")
        }
        let latin1 = RawPath.string([0x64, 0x2F, 0x63, 0x61, 0x66, 0xE9])
        #expect(RawPath.display(RawPath.lastComponent(of: latin1)) == "caf\\xE9")
    }

    @Test func aHeadIsTheFirstBytesOrTheWholeOfAShorterFile() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = folder.appendingPathComponent("file").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(RawPath.head(of: path, count: 4096).map(Array.init) == Array(bytes.prefix(4096)))
        #expect(RawPath.head(of: path, count: 1 << 20).map(Array.init) == bytes)
        #expect(RawPath.head(of: path, count: 0).map(Array.init) == [])
        #expect(RawPath.head(of: folder.appendingPathComponent("missing").path, count: 10) == nil)
        #expect(RawPath.fileSize(of: path) == 10_000 && RawPath.fileSize(of: folder.path) == nil)
    }
}
