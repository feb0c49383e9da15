import Foundation
import SyntheticLibrary
import Testing
@testable import OstromCore

@Suite struct LongTextStoreTests {
    /// Records whose abstracts and bodies are short, long, longer than a
    /// block, in several scripts, or absent.
    static func records(count: Int) -> [Record] {
        let phrases = ["Co-production of public services with citizens", "Coproducción de servicios públicos — participación",
                       "公共服务的共同生产与公民参与", "Ko-Produktion öffentlicher Dienstleistungen 🏛️"]
        return (0..<count).map { index in
            var record = Record(id: "r\(index)", kind: .paper, title: "Record \(index)")
            switch index % 5 {
            case 0: record.abstract = "Short, kept as it is."
            case 1: record.abstract = Array(repeating: phrases[index % 4], count: 1 + index % 40).joined(separator: " ") + " \(index)"
            case 2: record.abstract = nil
            case 3:
                record.abstract = phrases[(index + 1) % 4] + " \(index) " + phrases[(index + 2) % 4]
                record.body = (0..<(index % 7 == 0 ? 900 : 3)).map { "\(phrases[$0 % 4]) (\(index), \($0))." }.joined(separator: "\n")
            default: record.abstract = String(repeating: "é", count: 32) // 64 bytes, 32 characters
            }
            return record
        }
    }

    @Test func textsReadTheSameKeptAndCompressedInAnyOrder() {
        let originals = Self.records(count: 5_000)
        var records = originals
        LongTextStore.keep(&records)
        let stores = LongTextStore.stores(of: records)
        #expect(stores.count == 3) // 2 048 records a store
        #expect(records == originals)
        #expect(records[0].abstractText?.store == nil) // too short to keep
        #expect(records[4].abstractText?.store != nil)
        #expect(records[1].abstractText?.store === records[2046].abstractText?.store) // 2046 % 5 == 1: long
        #expect(records[1].abstractText?.store !== records[2051].abstractText?.store)
        for store in stores { store.compress() }
        for store in stores {
            let sizes = store.sizes
            #expect(sizes.compressed != nil && sizes.compressed! < sizes.text)
        }
        var generator = SystemRandomNumberGenerator()
        for index in originals.indices.shuffled(using: &generator) {
            #expect(records[index].abstract == originals[index].abstract)
            #expect(records[index].body == originals[index].body)
        }
        #expect(records == originals)
    }

    @Test func aKeptRecordIsAValue() {
        let originals = Self.records(count: 10)
        var records = originals
        LongTextStore.keep(&records)
        LongTextStore.stores(of: records).forEach { $0.compress() }
        #expect(Set(records) == Set(originals))
        #expect(records[1].hashValue == originals[1].hashValue)
        var edited = records[1]
        edited.abstract = "Edited."
        #expect(edited.abstract == "Edited.")
        #expect(edited.abstractText?.store == nil)
        #expect(records[1].abstract == originals[1].abstract)
        #expect(edited != records[1])
        // Kept again: a text already in a store stays there.
        let store = records[1].abstractText?.store
        LongTextStore.keep(&records)
        #expect(records[1].abstractText?.store === store)
    }

    @Test func textsAreReadOnOtherThreadsWhileTheyAreCompressed() async {
        let originals = Self.records(count: 4_096)
        var records = originals
        LongTextStore.keep(&records)
        let kept = records
        let stores = LongTextStore.stores(of: kept)
        let wrong = await withTaskGroup(of: Int.self) { group in
            for reader in 0..<3 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<3 {
                        for index in stride(from: (reader + round) % 3, to: kept.count, by: 3) where kept[index].abstract != originals[index].abstract || kept[index].body != originals[index].body {
                            wrong += 1
                        }
                    }
                    return wrong
                }
            }
            group.addTask {
                for store in stores { store.compress() }
                return 0
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect(stores.allSatisfy { $0.sizes.compressed != nil })
    }

    /// RIS and CSL-JSON make their records one by one: a store's worth is
    /// kept at a time, the rest at the end; a file of fewer records keeps none.
    @Test(arguments: ["ris", "json"])
    func largeFilesOfOtherFormatsKeepTheirLongTextsAsTheyAreRead(format: String) throws {
        func text(_ records: [Record]) -> String {
            format == "ris" ? RISExporter.text(of: records) : CSLJSONExporter.value(of: records).serialized()
        }
        func imported(_ text: String, keeping: Bool) -> [Record] {
            var context = ImportContext()
            context.keepsLongTexts = keeping
            return DocumentRecognizer().importRecords(from: SourceDocument(path: "big.\(format)", text: text), context: &context).records
        }
        let generated = SyntheticLibrary.records(count: 2_500)
        let file = text(generated)
        let kept = imported(file, keeping: true), own = imported(file, keeping: false)
        #expect(kept.count == 2_500 && kept == own)
        #expect(LongTextStore.stores(of: kept).count == 2)
        #expect(LongTextStore.stores(of: own).isEmpty)
        #expect(kept.last?.abstractText?.store != nil)
        LongTextStore.compress(textsOf: kept)
        #expect(kept == own)
        #expect(LongTextStore.stores(of: imported(text(Array(generated.prefix(100))), keeping: true)).isEmpty)
    }

    @Test func aLargeBibTeXFileKeepsItsLongTextsAsItIsRead() throws {
        let text = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 2_500))
        var context = ImportContext()
        context.keepsLongTexts = true
        let records = BibTeXImporter().importIfRecognised(SourceDocument(path: "big.bib", text: text), context: &context)?.records ?? []
        #expect(records.count == 2_500)
        #expect(LongTextStore.stores(of: BibTeXImporter().importRecords(from: SourceDocument(path: "big.bib", text: text)).records).isEmpty)
        let stores = LongTextStore.stores(of: records)
        #expect(stores.count == 2)
        // The same entries in a file too small to keep them: the same records.
        let firstEntries = text.components(separatedBy: "\n@").prefix(40).joined(separator: "\n@")
        let small = BibTeXImporter().importRecords(from: SourceDocument(path: "big.bib", text: firstEntries)).records
        #expect(!small.isEmpty && LongTextStore.stores(of: small).isEmpty)
        #expect(Array(records.prefix(small.count)) == small)
        for store in stores { store.compress() }
        #expect(Array(records.prefix(small.count)) == small)
        #expect(small.contains { $0.abstract != nil })
    }
}
