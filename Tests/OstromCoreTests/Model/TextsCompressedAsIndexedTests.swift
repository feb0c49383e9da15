import Testing
@testable import OstromCore
import SyntheticLibrary

/// The long texts compressed while the index is built: each store once
/// every record keeping texts in it is indexed, by the thread that indexed
/// them (all but one store, whose records the two halves share, before the
/// index is done); the index the same as one built from texts never
/// compressed, and the texts read back the same.
@Suite struct TextsCompressedAsIndexedTests {
    @Test func storesAreCompressedAsTheirRecordsAreIndexed() throws {
        var records = SyntheticLibrary.records(count: 9_000)
        RecordIdentifiers.assign(&records)
        let plain = records
        LongTextStore.keep(&records)
        let stores = LongTextStore.stores(of: records)
        #expect(stores.count == 5)
        let texts = TextsCompressedAsIndexed(records: records)
        let index = SearchIndex(records: records, halves: 2, indexed: texts.indexed)
        // Halves of 4 500 records: the store of records 4 096 to 6 143 is the one both index.
        let left = stores.filter { $0.sizes.compressed == nil }
        #expect(left.count == 1 && left.first === stores[2])
        texts.finish()
        #expect(stores.allSatisfy { $0.sizes.compressed != nil })
        let same = records == plain
        #expect(same)
        let fresh = SearchIndex(records: plain, halves: 2)
        for query in ["volunteers -health", "\"public services\"", "partic* year:2010..2020", "accountabilty"] {
            let parsed = try SearchQuery.parse(query)
            #expect(index.search(parsed).hits == fresh.search(parsed).hits, "\(query)")
        }
    }

    /// Nothing indexed (an index of no records): `finish` compresses them all.
    @Test func whatIsNotIndexedIsCompressedAtTheEnd() {
        var records = SyntheticLibrary.records(count: 3_000)
        LongTextStore.keep(&records)
        let texts = TextsCompressedAsIndexed(records: records)
        texts.indexed(0..<1_000)
        let stores = LongTextStore.stores(of: records)
        #expect(stores.allSatisfy { $0.sizes.compressed == nil })
        texts.finish()
        #expect(stores.allSatisfy { $0.sizes.compressed != nil })
    }
}
