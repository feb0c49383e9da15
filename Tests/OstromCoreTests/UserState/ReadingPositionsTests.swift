import Foundation
import Testing
@testable import OstromCore

@Suite struct ReadingPositionsTests {
    @Test func savedMergedAndLoaded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-positions-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first = ReadingPositions()
        first["/a.txt"] = 10
        try first.save(folder: folder)
        // Another instance, which never saw /a.txt, saves its own.
        var second = ReadingPositions()
        second["record:nef2014"] = 2048
        try second.save(folder: folder)
        let loaded = ReadingPositions.load(folder: folder)
        #expect(loaded.offsets == ["/a.txt": 10, "record:nef2014": 2048])
        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/" + ReadingPositions.fileName))
        #expect(ReadingPositions.load(folder: folder).offsets.isEmpty)
    }
}
