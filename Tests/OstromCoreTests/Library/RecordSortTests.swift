import Testing
@testable import OstromCore

@Suite struct RecordSortTests {
    private func record(_ id: String, year: Int? = nil, family: String? = nil, title: String = "", citations: Int? = nil) -> Record {
        var record = Record(id: id, kind: .paper, title: title)
        record.date = year.map { PartialDate(year: $0) }
        if let family { record.authors = [Person(family: family, given: "A")] }
        record.citations = citations
        return record
    }

    private func ids(_ sort: String, _ records: [Record], added: [String: String] = [:]) throws -> [String] {
        try #require(RecordSort(sort)).order(records, added: added).map { records[$0].id }
    }

    @Test func eachKeyBothWaysWithTheMissingLastAndTiesInOrder() throws {
        let records = [record("a", year: 2016, family: "Ørsted", title: "Zeta", citations: 3), record("b", title: "alpha"),
                       record("c", year: 2021, family: "Body", title: "Émile", citations: 40), record("d", year: 2016, family: "ostrom")]
        #expect(try ids("year", records) == ["a", "d", "c", "b"])
        #expect(try ids("-year", records) == ["c", "a", "d", "b"])
        // Folded: Ø sorts as o, É as e; case does not count.
        #expect(try ids("author", records) == ["c", "a", "d", "b"])
        #expect(try ids("-author", records) == ["d", "a", "c", "b"])
        #expect(try ids("title", records) == ["b", "c", "a", "d"])
        #expect(try ids("-citations", records) == ["c", "a", "b", "d"])
        #expect(try ids("added", records, added: ["d": "2026-01-02", "b": "2025-12-31"]) == ["b", "d", "a", "c"])
        #expect(try ids("-added", records, added: ["d": "2026-01-02", "b": "2025-12-31"]) == ["d", "b", "a", "c"])
    }

    @Test func namesAreReadAndListed() {
        #expect(RecordSort("-Year") == RecordSort(key: .year, descending: true))
        #expect(RecordSort("relevance") == nil)
        #expect(RecordSort("--year") == nil)
        #expect(RecordSort.names.count == 10 && RecordSort.names.contains("-citations"))
    }
}
