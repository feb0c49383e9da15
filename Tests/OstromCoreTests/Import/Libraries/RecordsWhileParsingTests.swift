import Foundation
import Synchronization
import Testing
@testable import OstromCore
import SyntheticLibrary

/// A large file's records made while it is parsed (`RecordsWhileParsing`)
/// are those made after the parse: with macros, a comment and a preamble,
/// a block that never closes, entries that are no records, and an entry
/// inheriting from one later in the file (which ends the handing over: it
/// and the rest are made after the parse); the long texts kept in stores,
/// and the file's bytes given back as its records are made, even when an
/// entry inherits (a mapped file's bytes are read from it again), both ways.
@Suite struct RecordsWhileParsingTests {
    private static let entries = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 7_000))
        .components(separatedBy: "\n@").enumerated().map { $0.offset == 0 ? $0.element : "@" + $0.element }

    /// The generated entries with others put among them, before the entry of each number.
    private static func text(inserting inserted: [Int: String]) -> String {
        entries.enumerated().map { (inserted[$0.offset] ?? "") + $0.element }.joined(separator: "\n")
    }

    private static let inserted = [
        0: "@string{ssp = {Social Science Policy}}\n@preamble{\"\\newcommand{\\x}{x}\"}\n",
        1_000: "@comment{not read}\n@misc{macro, title = ssp # { review}, year = 2020}\n",
        2_500: "@article{broken, title = {Never closed,\n",
        3_000: "@set{group, entryset = {a, b}}\n",
        4_000: "@xdata{shared, address = {Leeds}}\n",
    ]

    /// The file's records, read from a file (mapped, as a large file is),
    /// and how much of the file is left in memory afterwards (KiB).
    private func imported(_ path: String, whileParsed: Bool) throws -> (result: ImportResult, resident: Int) {
        var importer = BibTeXImporter()
        importer.smallestFileMadeWhileParsed = whileParsed ? 0 : .max
        let document = try Library.readDocument(path)
        #expect(document.isMapped)
        var context = ImportContext()
        context.keepsLongTexts = true
        let result = importer.importIfRecognised(document, context: &context) ?? ImportResult()
        return (result, document.withUTF8 { Self.residentKilobytes(at: $0.baseAddress!) })
    }

    /// How much of the mapping holding `address` is in memory, in KiB (`/proc/self/smaps`).
    private static func residentKilobytes(at address: UnsafeRawPointer) -> Int {
        // Read whole (Foundation reads a file of the proc system only as far as its first page).
        let smaps = String(decoding: RawPath.contents(of: "/proc/self/smaps") ?? Data(), as: UTF8.self)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt(String($0), radix: 16) }
                inMapping = bounds.count == 2 && (bounds[0]..<bounds[1]).contains(UInt(bitPattern: address))
            } else if inMapping, fields.first == "Rss:", fields.count > 1 {
                return Int(fields[1]) ?? -1
            }
        }
        return -1
    }

    /// The file's records read both ways.
    private func importedBothWays(_ text: String) throws -> (early: (result: ImportResult, resident: Int), after: (result: ImportResult, resident: Int)) {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.bib").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (try imported(path, whileParsed: true), try imported(path, whileParsed: false))
    }

    private func expectSame(_ early: ImportResult, _ after: ImportResult) {
        let same = early.records == after.records
        #expect(same)
        #expect(early.diagnostics.map(\.description) == after.diagnostics.map(\.description))
        for records in [early.records, after.records] {
            #expect(records.allSatisfy { ($0.abstract?.utf8.count ?? 0) < 64 || $0.abstractText?.store != nil })
        }
    }

    @Test func anEntryInheritingFromALaterOneIsMadeAfterTheParse() throws {
        var inserted = Self.inserted
        inserted[5_000] = "@inbook{child, title = {A Chapter}, crossref = {parent}, xdata = {shared}}\n"
        inserted[6_000] = "@book{parent, title = {The Parent}, publisher = {P}, year = 2001}\n"
        let text = Self.text(inserting: inserted)
        let (early, after) = try importedBothWays(text)
        expectSame(early.result, after.result)
        let records = early.result.records
        #expect(records.count == 7_003)
        #expect(records.first { $0.citationKey == "macro" }?.title == "Social Science Policy review")
        let child = records.first { $0.citationKey == "child" }
        #expect(child?.publisher == "P" && child?.publisherPlace == "Leeds")
        #expect(early.result.diagnostics.contains { $0.message.contains("not closed") })
        // Given back as made, though an entry inherits (its parent's bytes are read from the
        // mapped file again): less than a third of the file stays, either way.
        let size = text.utf8.count / 1024
        #expect(early.resident < size / 3 && after.resident < size / 3, "\(early.resident) and \(after.resident) KiB of \(size)")
    }

    /// The parser lets go of the entries whose records are made while it
    /// parses; an entry inheriting from one of them reads it again, with
    /// the macros of its place (one is defined again after it), the first
    /// of a key in the file winning (among records, and against an
    /// `@xdata` of the same key), a chain of crossrefs through it too.
    @Test func anEntryInheritingFromAnEarlierOneReadsItAgain() throws {
        var inserted = Self.inserted
        inserted[500] = "@string{press = {First Press}}\n@book{Parent, title = {The Parent}, publisher = press, year = 2001}\n"
        inserted[1_500] = "@string{press = {Second Press}}\n@book{parent, title = {A Second Parent}, publisher = {Q}}\n"
        inserted[2_000] = "@xdata{place, address = {York}}\n@book{place, title = {Not the Place}, address = {Hull}}\n"
        inserted[5_000] = "@inbook{child, title = {A Chapter}, crossref = {PARENT}, xdata = {place}}\n"
            + "@inbook{grandchild, title = {A Section}, crossref = {middle}}\n@book{middle, crossref = {parent}, pages = {1--9}}\n"
        let text = Self.text(inserting: inserted)
        let (early, after) = try importedBothWays(text)
        expectSame(early.result, after.result)
        let records = early.result.records
        let child = records.first { $0.citationKey == "child" }
        #expect(child?.publisher == "First Press" && child?.publisherPlace == "York" && child?.container == "The Parent")
        let grandchild = records.first { $0.citationKey == "grandchild" }
        #expect(grandchild?.publisher == "First Press" && grandchild?.pages == "1-9")
    }

    /// The parse never runs far ahead of the making (the file's pages in
    /// between stay in memory): past `mostWaiting` batches waiting, the
    /// parsing thread makes one itself, here while the other thread is
    /// slow.
    @Test func theParseWaitsNoMoreThanAFewBatchesAhead() {
        let (batchSize, batches) = (RecordsWhileParsing.batchSize, 16)
        let buffer = UnsafeMutableBufferPointer<Record>.allocate(capacity: batchSize * batches)
        defer { buffer.deallocate() }
        let made = Mutex(0)
        let early = RecordsWhileParsing(into: buffer, progress: nil, keepingLongTexts: false, release: nil) { entry in
            usleep(20)
            made.withLock { $0 += 1 }
            return Record(kind: .paper, title: entry.key)
        }
        var (mostAhead, taken) = (0, TakenEntries(path: "big.bib"))
        for batch in 0..<batches {
            let entries = (0..<batchSize).map { number in
                BibTeXParser.Entry(type: "article", key: "k\(batch)-\(number)", fields: [], line: 1, bytes: 0..<0, crossref: nil)
            }
            #expect(early.handOver(entries[...], noting: &taken) == batchSize)
            mostAhead = max(mostAhead, (batch + 1) * batchSize - made.withLock { $0 })
        }
        #expect(early.finishParsing() == batchSize * batches)
        #expect(mostAhead <= (RecordsWhileParsing.mostWaiting + 2) * batchSize, "\(mostAhead / batchSize) batches ahead")
        #expect(buffer.map(\.title) == (0..<batches).flatMap { batch in (0..<batchSize).map { "k\(batch)-\($0)" } })
        buffer.baseAddress!.deinitialize(count: buffer.count)
    }

    @Test func withoutInheritingTheSameRecordsAreMade() throws {
        let text = Self.text(inserting: Self.inserted)
        let (early, after) = try importedBothWays(text)
        expectSame(early.result, after.result)
        #expect(early.result.records.count == 7_001)
        let size = text.utf8.count / 1024
        #expect(early.resident < size / 5 && after.resident < size / 5, "\(early.resident) and \(after.resident) KiB of \(size)")
    }
}
