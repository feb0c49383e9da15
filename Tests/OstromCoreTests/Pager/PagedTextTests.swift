import Foundation
import Testing
@testable import OstromCore

@Suite struct PagedTextTests {
    @Test func linesForwardAndBackWithoutAnIndex() {
        let text = PagedText(text: "one\r\ntwo\n\nfour")
        #expect(text.lineEnd(from: 0) == 3)
        #expect(text.nextLineStart(after: 0) == 5)
        #expect(text.nextLineStart(after: 5) == 9)
        #expect(text.nextLineStart(after: 9) == 10)
        #expect(text.nextLineStart(after: 10) == nil)
        #expect(text.previousLineStart(before: 10) == 9)
        #expect(text.previousLineStart(before: 9) == 5)
        #expect(text.previousLineStart(before: 5) == 0)
        #expect(text.previousLineStart(before: 0) == nil)
        #expect(text.lineStart(containing: 7) == 5)
    }

    @Test func mapsAFileAndRefusesFolders() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-paged-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("alpha\nbeta\n".utf8).write(to: url)
        let text = try PagedText(path: url.path)
        #expect(text.count == 11)
        #expect(String(decoding: UnsafeBufferPointer(rebasing: text.bytes[6..<text.lineEnd(from: 6)]), as: UTF8.self) == "beta")
        #expect(throws: PagedText.OpenError.self) { try PagedText(path: FileManager.default.temporaryDirectory.path) }
        #expect(throws: PagedText.OpenError.self) { try PagedText(path: "/no/such/file") }
    }

    /// A file another program cuts short while it is paged (a log truncated
    /// in place) reads as zeros past its new end, where the system would
    /// end ostrom with SIGBUS (without the watch, this ends the test run).
    @Test func aFileCutShortWhileItIsPagedReadsAsZerosPastTheCut() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-paged-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "a"), count: 64 << 10).write(to: url)
        let text = try PagedText(path: url.path)
        #expect(truncate(url.path, 4096) == 0)
        #expect(text.bytes[0] == UInt8(ascii: "a") && text.bytes[(32 << 10)..<(33 << 10)].allSatisfy { $0 == 0 })
        #expect(text.lineEnd(from: 0) == text.count)
    }
}

@Suite struct LineIndexTests {
    @Test func countsLinesAndMapsNumbersToOffsets() {
        let lines = (1...1000).map { "line \($0)" }
        let text = PagedText(text: lines.joined(separator: "\n"))
        let index = LineIndex(text: text)
        index.build()
        #expect(index.progress == (1000, text.count, true))
        for number in [1, 2, 255, 256, 257, 513, 999, 1000] {
            let offset = try! #require(index.offset(ofLine: number))
            #expect(String(decoding: UnsafeBufferPointer(rebasing: text.bytes[offset..<text.lineEnd(from: offset)]), as: UTF8.self) == "line \(number)")
            #expect(index.lineNumber(at: offset) == number)
        }
        #expect(index.offset(ofLine: 5000) == index.offset(ofLine: 1000))
    }

    @Test func backgroundCountFinishesOnABigText() async throws {
        let text = PagedText(text: String(repeating: "co-production and its discontents\n", count: 200_000))
        let index = LineIndex(text: text)
        index.start()
        for _ in 0..<500 where !index.progress.complete { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(index.progress.complete)
        #expect(index.progress.lines == 200_000)
        #expect(index.lineNumber(at: text.count - 34) == 200_000)
    }

    /// Line ends counted sixteen bytes at a time land where counting one
    /// byte at a time puts them: lines of every length from 0 to 40 characters
    /// (so that a checkpoint falls at every place in a sixteen-byte chunk),
    /// lines of bytes one away from a line feed, with and without a last
    /// line feed.
    @Test func everyLineStartIsFoundWhateverTheLinesLength() throws {
        var generator = SystemRandomNumberGenerator()
        for lastLineFeed in [true, false] {
            var lines: [String] = []
            for number in 0..<3000 {
                let length = number % 41
                lines.append(String((0..<length).map { _ in "\u{09}\u{0B}\u{0A}ab\u{8A}é".randomElement(using: &generator)! }.filter { $0 != "\n" }))
            }
            let text = PagedText(text: lines.joined(separator: "\n") + (lastLineFeed ? "\n" : ""))
            let index = LineIndex(text: text)
            index.build()
            var starts = [0]
            for (offset, byte) in text.bytes.enumerated() where byte == 0x0A && offset + 1 < text.count { starts.append(offset + 1) }
            #expect(index.progress == (starts.count, text.count, true))
            for (line, start) in starts.enumerated() {
                #expect(index.offset(ofLine: line + 1) == start)
                #expect(index.lineNumber(at: start) == line + 1)
            }
        }
    }

    @Test func emptyText() {
        let index = LineIndex(text: PagedText(text: ""))
        index.build()
        #expect(index.progress.complete && index.progress.lines == 0)
        #expect(index.offset(ofLine: 1) == 0)
    }
}
