import Foundation
import Testing
@testable import OstromCore
import SyntheticLibrary

/// Hostile .bib files: NUL bytes, invalid UTF-8, a 10 MB field, deep
/// nesting and unbalanced braces are reported and never stop the other
/// entries from loading.
@Suite struct BibTeXHostileInputTests {
    private func load(_ bytes: [UInt8]) -> Library {
        Library(documents: [SourceDocument(path: "hostile.bib", bytes: Data(bytes))])
    }

    private let good = Array("@article{good2020, title = {Good}, author = {Pestoff, Victor}, year = 2020}\n".utf8)

    @Test func nulBytesAndInvalidUTF8AreReplacedAndReported() throws {
        let bytes = good + Array("@misc{nul2021, title = {Bad".utf8) + [0, 0] + Array("bytes}, note = {x".utf8) + [0xFF] + Array("}}\n".utf8) + good
        let library = load(bytes)
        #expect(library.records.map(\.id) == ["good2020", "nul2021", "good2020a"])
        #expect(library.records[1].title == "Bad\u{FFFD}\u{FFFD}bytes")
        let messages = library.diagnostics.map(\.description)
        #expect(messages.contains("hostile.bib:2: warning: 2 NUL bytes replaced by U+FFFD"))
        #expect(messages.contains("hostile.bib:2: warning: invalid UTF-8 replaced by U+FFFD"))
        #expect(messages.contains("hostile.bib:3: warning: citation key “good2020” is used before, at line 1; this entry gets the id good2020a"))
        // Ill-formed bytes before a NUL, each on a line of its own (both are found in one walk).
        let second = load(good + Array("@misc{a2021, note = {".utf8) + [0xC3] + Array("}}\n@misc{b2021, note = {".utf8) + [0] + Array("}}\n".utf8))
        #expect(second.records.map(\.id) == ["good2020", "a2021", "b2021"])
        let warnings = second.diagnostics.map(\.description)
        #expect(warnings.contains("hostile.bib:3: warning: a NUL byte replaced by U+FFFD"))
        #expect(warnings.contains("hostile.bib:2: warning: invalid UTF-8 replaced by U+FFFD"))
    }

    @Test func aStrayNULDoesNotMakeAFileBinary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(good + [0] + good).write(to: folder.appendingPathComponent("refs.bib"))
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 200)).write(to: folder.appendingPathComponent("refs.zip"))
        let library = try Library.load(paths: [folder.path])
        #expect(library.records.count == 2)
        #expect(library.diagnostics.map(\.message).contains { $0.contains("binary file") })
    }

    @Test func aTenMegabyteFieldAndDeepNestingLoadWithTheirNeighbours() throws {
        let huge = Array("@misc{huge2022, title = {Huge}, abstract = {".utf8) + [UInt8](repeating: 0x61, count: 10 << 20) + Array("}}\n".utf8)
        let deep = Array("@misc{deep2022, title = {".utf8) + [UInt8](repeating: 0x7B, count: 5000) + Array("x".utf8)
            + [UInt8](repeating: 0x7D, count: 5000) + Array("}}\n".utf8)
        let unbalanced = Array("@misc{open2022, title = {never closed\n".utf8)
        let library = load(good + huge + deep + unbalanced + good)
        let ids = library.records.map(\.id)
        #expect(ids.contains("good2020") && ids.contains("good2020a"))
        #expect(library.records.first { $0.id == "huge2022" }?.abstract?.utf8.count == 10 << 20)
        #expect(!ids.contains("deep2022"))
        let messages = library.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("hostile.bib:3:") && $0.contains("deep2022") })
        #expect(messages.contains { $0.hasPrefix("hostile.bib:4:") && $0.contains("open2022") })
    }
}

@Suite struct BibTeXLargeFileTests {
    /// A large file's records are built in parts, one per core: the order
    /// of records and of messages stays the file's.
    @Test func aLargeFileKeepsItsOrder() {
        let count = BibTeXImporter.entriesPerPart * 2 + 501
        var lines = (0..<count).map { "@article{key\($0), title = {Title \($0)}, author = {Family\($0), Given}, year = \(1990 + $0 % 30)}" }
        lines[10] = "@incollection{child10, title = {Child}, crossref = {missing}}"
        lines[count - 3] = "@article{key5, title = {Again}}"
        let document = SourceDocument(path: "big.bib", text: lines.joined(separator: "\n"))
        let result = BibTeXImporter().importRecords(from: document)
        #expect(result.records.count == count)
        #expect(result.records.map(\.citationKey) == lines.indices.map { $0 == 10 ? "child10" : $0 == count - 3 ? "key5" : "key\($0)" })
        #expect(result.records[count - 1].authors == [Person(family: "Family\(count - 1)", given: "Given")])
        #expect(result.diagnostics.map(\.line) == [11])
        #expect(Library(documents: [document]).diagnostics.map(\.line) == [11, count - 2])
    }
}

/// The benchmark's file: the synthetic library as real exports mix their
/// styles (macros, month names, LaTeX accents, wrapped abstracts) loads
/// back field for field.
@Suite struct SyntheticBibTeXTests {
    @Test func everyFieldLoadsBack() throws {
        let records = SyntheticLibrary.records(count: 300, seed: 7)
        let result = BibTeXImporter().importRecords(from: SourceDocument(path: "mixed.bib", text: SyntheticBibTeX.text(of: records)))
        #expect(result.diagnostics.isEmpty)
        try #require(result.records.count == records.count)
        for (loaded, original) in zip(result.records, records) {
            #expect(loaded.citationKey == original.id)
            #expect(loaded.title == original.title)
            #expect(loaded.authors == original.authors)
            #expect(loaded.container == original.container)
            #expect(loaded.date == original.date)
            #expect(loaded.volume == original.volume && loaded.issue == original.issue)
            #expect(loaded.pages?.contains("-") == true && loaded.pages?.contains("–") == false)
            #expect(loaded.doi == original.doi && loaded.url == "https://doi.org/" + (original.doi ?? ""))
            #expect(loaded.abstract == original.abstract)
            // A keyword given twice is kept once.
            #expect(loaded.keywords == original.keywords.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
    }
}

@Suite struct RepeatedCitationKeyTests {
    /// Any source's keys: a RIS `ID` repeated in another file is reported there.
    @Test func aKeyRepeatedInAnotherFileIsReportedWithBothPlaces() {
        let bib = SourceDocument(path: "a.bib", text: "@misc{same2020, title = {First}}\n")
        let ris = SourceDocument(path: "b.ris", text: "TY  - GEN\nID  - same2020\nTI  - Second\nER  - \n")
        let library = Library(documents: [bib, ris])
        #expect(library.records.map(\.id) == ["same2020", "same2020a"])
        #expect(library.diagnostics.map(\.description)
            == ["b.ris:1: warning: citation key “same2020” is used before, in a.bib:1; this entry gets the id same2020a"])
    }
}

/// What `ostrom FILE` reads of a file over 8 MB to tell a library (opened
/// in the browser) from any other text (paged).
@Suite struct LibraryHeadTests {
    private func startsALibrary(_ text: String) -> Bool {
        DocumentRecognizer.startsALibrary(SourceDocument(path: "head", bytes: Data(text.utf8)))
    }

    @Test func librariesByTheirFirstBytes() {
        #expect(startsALibrary("% JabRef\n@Article{k, title = {T"))
        #expect(startsALibrary("TY  - JOUR\r\nTI  - T"))
        #expect(startsALibrary("[\n  {\"id\": \"k\", \"issued\": {\"date-parts\": [[2020"))
        #expect(!startsALibrary("{\"level\": \"info\", \"message\": \"started\"}\n{\"level\""))
        #expect(!startsALibrary("2026-11-22 12:00:01 server started\nmail to a@b.c\n"))
    }
}

/// Input that would grow without end is stopped, and the rest loads.
@Suite struct BibTeXBlowUpTests {
    @Test func macrosThatDoubleEveryLineAreStoppedAndTheEntriesLoad() {
        let lines = ["@string{s0 = \"abcdefgh\"}"] + (1...40).map { "@string{s\($0) = s\($0 - 1) # s\($0 - 1)}" }
            + ["@article{ok2020, title = {Still here}, journal = s40}", "@article{after2021, title = {After}}"]
        let library = Library(documents: [SourceDocument(path: "double.bib", text: lines.joined(separator: "\n"))])
        #expect(library.records.map(\.id) == ["ok2020", "after2021"])
        #expect(library.diagnostics.map(\.description).contains("double.bib:23: warning: a value joined with # grows past 16 MB (@string macros that double?); entry skipped"))
        #expect(library.records.allSatisfy { ($0.container?.utf8.count ?? 0) <= BibTeXParser.maximumJoinedValue })
    }

    @Test func aLongCrossrefChainIsFollowedSixteenDeep() {
        let text = (0..<40).map { "@book{c\($0), title = {T\($0)}, crossref = {c\($0 + 1)}}\n" }.joined() + "@book{c40, title = {Last}, publisher = {Policy Press}}\n"
        let library = Library(documents: [SourceDocument(path: "chain.bib", text: text)])
        #expect(library.records.count == 41)
        #expect(library.records[30].publisher == "Policy Press")
        #expect(library.records[0].publisher == nil)
        #expect(library.diagnostics.first?.description == "chain.bib:1: warning: crossref chain deeper than 16 (at “c17”); the rest is not inherited")
    }
}
