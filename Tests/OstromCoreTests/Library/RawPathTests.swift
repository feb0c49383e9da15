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

    /// A large file is mapped, not read (`/proc/self/maps` names it while
    /// its bytes are held): written to, its bytes change in memory only;
    /// a page given back to the system is the file's again when read.
    @Test func aLargeFileIsMappedPrivately() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = RawPath.smallestMappedFile + 5000
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 12) }
        let path = folder.appendingPathComponent("large.bib").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let smaller = folder.appendingPathComponent("smaller.bib").path
        try Data(bytes.prefix(RawPath.smallestMappedFile - 1)).write(to: URL(fileURLWithPath: smaller))
        var data = try #require(RawPath.contents(of: path))
        let small = try #require(RawPath.contents(of: smaller))
        // Read whole (Foundation reads a file of the proc system only as far as its first page).
        let maps = String(decoding: try #require(RawPath.contents(of: "/proc/self/maps")), as: UTF8.self)
        #expect(maps.contains(path) && !maps.contains(smaller))
        #expect(Array(small) == Array(bytes.prefix(RawPath.smallestMappedFile - 1)))
        data.withUnsafeMutableBytes { raw in
            raw[0] = ~bytes[0]
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            // The pages after the first, which was written to.
            let start = (Int(bitPattern: raw.baseAddress!) + page) & ~(page - 1)
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), page * 4, MADV_DONTNEED)
        }
        #expect(data[0] == ~bytes[0])
        #expect(Array(data.dropFirst()) == Array(bytes.dropFirst()))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }

    /// Another program cuts a large file short while it is read: what
    /// stood past its new end reads as zeros (the system would have ended
    /// ostrom with SIGBUS), the rest as it was, and the load says so. The
    /// entry cut in two is reported as not closed, the entries before it load.
    @Test func aLargeFileCutShortWhileItIsReadIsSaidAndTheRestLoads() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entry = { (number: Int) in "@article{key\(number),\n  title = {Entry \(number)},\n  abstract = {\(String(repeating: "words ", count: 300))}\n}\n" }
        let text = (0..<1000).map(entry).joined()
        #expect(text.utf8.count > RawPath.smallestMappedFile)
        let path = folder.appendingPathComponent("cut.bib").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let document = try Library.readDocument(path)
        let cut = text.utf8.count / 2 + 100
        #expect(truncate(path, off_t(cut)) == 0)
        let bytes = document.withUTF8 { Array($0) }
        #expect(bytes.count == text.utf8.count)
        #expect(bytes[..<cut].elementsEqual(text.utf8.prefix(cut)))
        #expect(bytes[cut...].allSatisfy { $0 == 0 })
        #expect(document.wasCutShort)
        let library = Library(documents: [document])
        let complete = text.utf8.prefix(cut).split(separator: UInt8(ascii: "@")).count - 1
        #expect(library.records.count == complete)
        #expect(library.records.last?.title == "Entry \(complete - 1)")
        #expect(library.diagnostics.contains { $0.path == path && $0.message.contains("cut the file short") })
        #expect(library.diagnostics.contains { $0.path == path && $0.line != nil })
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
