import Testing
@testable import OstromCore

@Suite struct ScholarlyMetadataPageImporterTests {
    @Test func sameSiteOtherPaperWithChineseLinesAndJournalFields() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("metadata/booksci-other.txt"))
        #expect(record.source?.format == "scholarly-metadata-page")
        #expect(record.id == "pestoff2012")
        #expect(record.authors == [Person(family: "Pestoff", given: "V.")])
        #expect(record.container == "Public Management Review")
        #expect(record.volume == "14" && record.pages == "1102-1118")
        #expect(record.date == PartialDate(year: 2012, month: 5, day: 1))
        #expect(record.citations == 57)
        #expect(record.abstract == "This article explores the role of the third sector in co-production.")
        #expect(record.translations.count == 1)
        #expect(record.translations.first?.language == "zh")
        #expect(record.translations.first?.title == "第三部门与合作生产")
        #expect(record.translations.first?.abstract?.hasPrefix("本文探讨了第三部门") == true)
    }

    @Test func schemaOrgRecordWithAuthorObjects() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("metadata/schema-org.txt"))
        #expect(record.id == "nabatchi2017")
        #expect(record.title == "Varieties of Participation in Public Services: The Who, When, and What of Coproduction")
        #expect(record.authors.map(\.family) == ["Nabatchi", "Sancino", "Sicilia"])
        #expect(record.date == PartialDate(year: 2017, month: 9))
        #expect(record.container == "Public Administration Review")
        #expect(record.volume == "77" && record.issue == "5" && record.pages == "766-776")
        #expect(record.doi == "10.1111/puar.12765")
        #expect(record.translations.isEmpty)
    }

    @Test func translationFromTheJSONAndJapaneseDetected() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("metadata/json-translation.txt"))
        #expect(record.id == "mori2020")
        #expect(record.authors == [Person(family: "Mori", given: "K."), Person(family: "Suzuki", given: "H.")])
        #expect(record.translations == [Translation(language: "ja", title: "日本の市民協働", abstract: "日本の自治体における市民協働を研究する。")])
    }
}
