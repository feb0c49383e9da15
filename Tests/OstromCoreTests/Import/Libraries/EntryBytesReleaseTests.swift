import Foundation
import Testing
@testable import OstromCore
import SyntheticLibrary

/// A file read once gives its bytes back as its entries become records:
/// the records are the same as when every byte stays, macros defined
/// anywhere are still read, and when an entry inherits from another,
/// nothing is given back.
@Suite struct EntryBytesReleaseTests {
    private let text = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 1_500))

    private func imported(_ text: String, readOnce: Bool) -> (records: [Record], middle: [UInt8]) {
        let document = SourceDocument(path: "big.bib", bytes: Data(text.utf8), readOnce: readOnce)
        var context = ImportContext()
        let result = DocumentRecognizer().importRecords(from: document, context: &context)
        // What is left at three eighths of the file afterwards (among entries,
        // not macros): zeros once given back.
        let middle = document.withUTF8 { Array($0[$0.count * 3 / 8..<$0.count * 3 / 8 + 64]) }
        return (result.records, middle)
    }

    @Test func recordsAreTheSameWhenTheBytesAreGivenBack() throws {
        #expect(text.utf8.count >= EntryBytesRelease.smallestFile)
        let kept = imported(text, readOnce: false), givenBack = imported(text, readOnce: true)
        #expect(givenBack.records.count == 1_500)
        let same = givenBack.records == kept.records
        #expect(same)
        #expect(kept.middle.contains { $0 != 0 })
        #expect(givenBack.middle.allSatisfy { $0 == 0 })
    }

    @Test func nothingIsGivenBackWhenAnEntryInheritsFromAnother() throws {
        // A child before its parent, which it reads after the parent's record is made.
        let source = "@inbook{child, title = {A Chapter}, crossref = {parent}}\n" + text
            + "@book{parent, title = {The Parent}, publisher = {P}, year = 2001}\n"
        let kept = imported(source, readOnce: false), readOnce = imported(source, readOnce: true)
        let same = readOnce.records == kept.records
        #expect(same)
        #expect(readOnce.records.first?.publisher == "P")
        #expect(readOnce.middle == kept.middle && readOnce.middle.contains { $0 != 0 })
    }

    /// Macros defined among the entries, one of them twice: each entry
    /// reads the value it had there, though the bytes around it were given
    /// back before (a core makes its entries in order, giving back a
    /// thousand at a time: the macro is defined among the first thousand
    /// of the first core's and used after them).
    @Test func macrosDefinedAnywhereAreStillRead() throws {
        let lines = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 3_000)).split(separator: "\n", omittingEmptySubsequences: false)
        // Places at the start of an entry, so that no entry is cut.
        func entryStart(_ fraction: Double) -> Int {
            lines[Int(Double(lines.count) * fraction)...].firstIndex { $0.hasPrefix("@") } ?? lines.count
        }
        let (early, later) = (entryStart(0.05), entryStart(0.45))
        let source = "@string{early = {Defined early}}\n@misc{first, title = early, year = 2020}\n"
            + lines[..<early].joined(separator: "\n") + "\n@string{late = {Defined among the entries}}\n"
            + lines[early..<later].joined(separator: "\n")
            + "\n@misc{middle, title = late # { and } # early, year = 2021}\n"
            + lines[later...].joined(separator: "\n")
            + "\n@misc{end, title = late, year = 2022}\n@string{late = {Defined again}}\n@misc{last, title = late, year = 2023}\n"
        let kept = imported(source, readOnce: false), givenBack = imported(source, readOnce: true)
        let same = givenBack.records == kept.records
        #expect(same)
        let titles = Dictionary(uniqueKeysWithValues: givenBack.records.map { ($0.citationKey ?? "", $0.title) })
        #expect(titles["first"] == "Defined early" && titles["middle"] == "Defined among the entries and Defined early")
        #expect(titles["end"] == "Defined among the entries" && titles["last"] == "Defined again")
        #expect(givenBack.middle.allSatisfy { $0 == 0 } && kept.middle.contains { $0 != 0 })
    }
}
