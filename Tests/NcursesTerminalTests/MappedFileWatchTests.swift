import CNcurses
import Foundation
import OstromCore
import Testing

/// The browser opens its terminal while a large file is read, mapped: the
/// terminal's crash handler comes after the watch over mapped files
/// (`CMappedFiles`), and would end ostrom at a read past a file cut short
/// meanwhile. Put first again (`RawPath.watchMappedFilesFirst`, as the
/// browser does once its terminal is open), the watch gives zeros there.
/// Without it, this test ends the test run with a bus error.
@Suite struct MappedFileWatchTests {
    @Test func theWatchComesBeforeTheTerminalsCrashHandler() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("large.bib").path
        try Data(repeating: UInt8(ascii: "x"), count: 2 << 20).write(to: URL(fileURLWithPath: path))
        let bytes = try #require(RawPath.contents(of: path))
        ostrom_install_crash_handler()
        RawPath.watchMappedFilesFirst()
        #expect(truncate(path, 4096) == 0)
        let pastTheCut = bytes.withUnsafeBytes { Array($0[(1 << 20)..<((1 << 20) + 16)]) }
        #expect(pastTheCut.allSatisfy { $0 == 0 } && RawPath.wasCutShort(bytes))
        #expect(bytes.first == UInt8(ascii: "x"))
    }
}
