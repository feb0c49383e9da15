import Foundation
import Synchronization
import Testing
@testable import OstromCore
import SyntheticLibrary

/// The first records of a load handed over as they are made
/// (`ReadingProgress.handsOver`), for the browser to list while the rest
/// is read: a large BibTeX file's a batch at a time as it is parsed, the
/// files before the last one each once it is read; each record with the id
/// it has once everything is read, up to the first whose id depends on
/// what comes after it (no key, or a key met before).
@Suite struct RecordsHandedOverTests {
    private static let generated = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 7_000))
        .components(separatedBy: "\n@").enumerated().map { $0.offset == 0 ? $0.element : "@" + $0.element }

    /// The generated entries with others put before the entry of each number.
    private static func text(inserting inserted: [Int: String] = [:]) -> String {
        generated.enumerated().map { (inserted[$0.offset] ?? "") + $0.element }.joined(separator: "\n")
    }

    private static let smallBibTeX = """
        @book{alford2009engaging, title = {Engaging Public Sector Clients}, author = {Alford, John}, year = 2009}
        @article{bovaird2007beyond, title = {Beyond Engagement and Participation}, author = {Bovaird, Tony}, year = 2007}
        """

    private static let smallCSL = """
        [{"id": "ostrom1996crossing", "type": "article-journal", "title": "Crossing the Great Divide", "issued": {"date-parts": [[1996]]}},
         {"id": "needham2009evidence", "type": "report", "title": "Co-production: an emerging evidence base"}]
        """

    /// The documents loaded, a BibTeX file of 1 MB or more made while it
    /// is parsed, and the parts handed over meanwhile.
    private func loaded(_ documents: [(name: String, text: String)]) -> (library: Library, parts: [[Record]], handedOver: Int) {
        var bibTeX = BibTeXImporter()
        bibTeX.smallestFileMadeWhileParsed = 1 << 20
        let recognizer = DocumentRecognizer(importers: [bibTeX] + DocumentRecognizer.standardImporters.dropFirst())
        let progress = ReadingProgress()
        let parts = Mutex<[[Record]]>([])
        progress.handsOver { part in parts.withLock { $0.append(part) } }
        let library = Library(documents: documents.map { SourceDocument(path: $0.name, bytes: Data($0.text.utf8)) },
                              recognizer: recognizer, progress: progress)
        return (library, parts.withLock { $0 }, progress.handedOver)
    }

    @Test func aLargeFilesRecordsAreHandedOverABatchAtATimeWithTheirIDs() {
        let (library, parts, handedOver) = loaded([("big.bib", Self.text())])
        #expect(library.records.count == 7_000 && handedOver == 7_000)
        #expect(parts.map(\.count) == [2_048, 2_048, 2_048, 856])
        let same = parts.flatMap { $0 } == library.records
        #expect(same)
    }

    /// A key met before gets a suffix that depends on every key of the
    /// file, and a record without one an id made of its author and year,
    /// which a later key may take: handing over stops at either.
    @Test(arguments: [
        (3_000, "@article{repeated, title = {Again}, year = 2020}\n"),
        (5_000, "@misc{, title = {Without a key}, author = {Alford, John}, year = 2009}\n"),
    ])
    func handingOverStopsAtTheFirstRecordWhoseIDIsNotKnownYet(at position: Int, entry: String) throws {
        let inserted = [0: "@book{repeated, title = {First}, year = 2019}\n", position: entry]
        let (library, parts, handedOver) = loaded([("big.bib", Self.text(inserting: inserted))])
        // Where the entry inserted is among the records (a few generated entries are no records).
        let stop = try #require(library.records.firstIndex { $0.title == "Again" || $0.title == "Without a key" })
        #expect(stop > RecordsWhileParsing.batchSize && library.records.count == 7_002 && handedOver == stop)
        let same = parts.flatMap { $0 } == Array(library.records.prefix(stop))
        #expect(same)
        #expect(library.records[stop].id != library.records[stop].citationKey)
    }

    /// Files before the last one are handed over once each is read, the
    /// last one's batches as it is parsed (files of every kind, folders'
    /// included); a file's records whose ids are not known yet stop it all.
    @Test func filesBeforeTheLastAreHandedOverOnceEachIsRead() {
        let documents = [("small.bib", Self.smallBibTeX), ("small.json", Self.smallCSL), ("big.bib", Self.text())]
        let (library, parts, handedOver) = loaded(documents)
        #expect(parts.map(\.count) == [2, 2, 2_048, 2_048, 2_048, 856] && handedOver == library.records.count)
        let same = parts.flatMap { $0 } == library.records
        #expect(same)

        let repeated = [("small.bib", Self.smallBibTeX + "\n@misc{alford2009engaging, title = {Again}}"), ("small.json", Self.smallCSL),
                        ("big.bib", Self.text())]
        let stopped = loaded(repeated)
        #expect(stopped.handedOver == 2 && stopped.parts.map(\.count) == [2])
        #expect(stopped.parts.first == Array(stopped.library.records.prefix(2)))
    }

    /// A RIS or CSL-JSON file's records are handed over a store's worth at
    /// a time as they are made (not the last run: the whole file follows).
    @Test(arguments: ["big.ris", "big.json"])
    func risAndCSLJSONRecordsAreHandedOverAsTheyAreMade(name: String) {
        let records = SyntheticLibrary.records(count: 5_000)
        let text = name.hasSuffix(".ris") ? RISExporter.text(of: records) : CSLJSONExporter.value(of: records).serialized()
        let (library, parts, handedOver) = loaded([(name, text)])
        #expect(library.records.count == 5_000 && parts.map(\.count) == [2_048, 2_048] && handedOver == 4_096)
        let same = parts.flatMap { $0 } == Array(library.records.prefix(4_096))
        #expect(same)
    }

    /// JSON that turns out not to be CSL-JSON (no item has a CSL key) is
    /// read by another importer: none of what the CSL-JSON importer made
    /// of it was handed over.
    @Test func jsonThatIsNotCSLIsNotHandedOver() {
        // Each with an id (records made of them would be handed over) but no type.
        let items = (0..<5_000).map { #"{"id": "item\#($0)", "name": "item \#($0)", "colour": "blue"}"# }
        let (library, parts, handedOver) = loaded([("other.json", "[" + items.joined(separator: ",\n") + "]")])
        #expect(parts.isEmpty && handedOver == 0)
        #expect(library.records.allSatisfy { $0.source?.format != "csl-json" })
    }

    /// Nothing is handed over when nobody asked (`list`, `export`).
    @Test func aLoadWithoutAnyoneTakingTheRecordsOffersNone() {
        let progress = ReadingProgress()
        _ = Library(documents: [SourceDocument(path: "small.bib", text: Self.smallBibTeX), SourceDocument(path: "small.json", text: Self.smallCSL)],
                    progress: progress)
        #expect(progress.handedOver == 0 && progress.count == 4)
    }
}
