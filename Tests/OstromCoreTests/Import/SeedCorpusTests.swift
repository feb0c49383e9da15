import Foundation
import Testing
@testable import OstromCore

/// Each seed document gives exactly the record PRODUCT.md describes.
@Suite struct SeedCorpusTests {
    let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 22), hour: 12, minute: 0)

    @Test func builtInCorpusHasTheFiveRecordsInOrder() {
        let library = Library.builtIn()
        #expect(library.records.map(\.id) == ["tuurnas2016", "loeffler2020", "mcmullin2018", "nef2014", "body2021"])
        #expect(library.diagnostics.isEmpty)
    }

    @Test func catalogRecordPage() throws {
        let record = try TestFiles.importOne(try TestFiles.seed(0))
        let summaryLine = try TestFiles.seedText(0).split(separator: "\n").first { $0.hasPrefix("Zusammenfassung:") }
        var expected = Record(id: "tuurnas2016", kind: .paper,
                              title: "The impact of co-production on frontline accountability: the case of the conciliation service")
        expected.type = "article-journal"
        expected.authors = [Person(family: "Tuurnas", given: "Sanna"), Person(family: "Stenvall", given: "Jari"),
                            Person(family: "Rannisto", given: "Pasi-Heikki")]
        expected.container = "International review of administrative sciences"
        expected.date = PartialDate(year: 2016, month: 3)
        expected.volume = "82"
        expected.issue = "1"
        expected.pages = "131-149"
        expected.issn = ["0020-8523", "1461-7226"]
        expected.doi = "10.1177/0020852314566010"
        expected.language = "en"
        expected.abstract = summaryLine.map { String($0.dropFirst("Zusammenfassung:".count)) }
        expected.source = record.source
        #expect(record == expected)
        #expect(record.abstract?.contains("Points for practitioners In this article") == true)
        #expect(record.abstract?.hasSuffix("effective service outcomes.") == true)
        #expect(record.source?.format == "catalog-record-page")
    }

    @Test func eventAnnouncement() throws {
        let record = try TestFiles.importOne(try TestFiles.seed(1))
        let lines = try TestFiles.seedText(1).components(separatedBy: "\n")
        var expected = Record(id: "loeffler2020", kind: .event, title: "Co-production of better outcomes for children and young people")
        expected.speakers = [Person(family: "Loeffler", given: "Elke",
                                    affiliation: "Strathclyde Business School, Department of Work, Employment and Organisation")]
        expected.date = PartialDate(year: 2020, month: 2, day: 5)
        expected.start = LocalDateTime(date: PartialDate(year: 2020, month: 2, day: 5), hour: 14, minute: 0)
        expected.end = LocalDateTime(date: PartialDate(year: 2020, month: 2, day: 5), hour: 15, minute: 0)
        expected.location = "Room SW1.07, Stenhouse Wing, Strathclyde Business School"
        expected.published = PartialDate(year: 2020, month: 2, day: 4)
        expected.abstract = lines[5...8].joined(separator: "\n\n")
        expected.source = record.source
        #expect(record == expected)
        #expect(record.status(now: now) == .past)
    }

    @Test func eventPageKeepsTheBioApart() throws {
        let record = try TestFiles.importOne(try TestFiles.seed(2))
        var expected = Record(id: "mcmullin2018", kind: .event,
                              title: "Rules, practices and narratives: Why and how do non-profits co-produce services with community members?")
        expected.speakers = [Person(family: "McMullin", given: "Caitlin")]
        expected.date = PartialDate(year: 2018, month: 11, day: 30)
        expected.start = LocalDateTime(date: PartialDate(year: 2018, month: 11, day: 30), hour: 12, minute: 0)
        expected.end = LocalDateTime(date: PartialDate(year: 2018, month: 11, day: 30), hour: 13, minute: 0)
        expected.location = "5136 - Student Resource Centre Richcraft Hall"
        let lines = try TestFiles.seedText(2).components(separatedBy: "\n")
        expected.abstract = lines[8]
        expected.bio = lines[10]
        expected.source = record.source
        #expect(record == expected)
        #expect(record.abstract?.hasPrefix("Co-production of public services has become a popular buzzword") == true)
        #expect(record.bio?.hasPrefix("Caitlin is a BMO Postdoctoral Research Fellow") == true)
        #expect(record.status(now: now) == .past)
    }

    @Test func presentationTranscriptKeepsOnlyTheTranscriptBody() throws {
        let record = try TestFiles.importOne(try TestFiles.seed(3))
        let lines = try TestFiles.seedText(3).components(separatedBy: "\n")
        #expect(record.id == "nef2014")
        #expect(record.kind == .transcript)
        #expect(record.title == "Co-production: theory and practice")
        #expect(record.authors == [Person(literal: "New Economics Foundation")])
        #expect(record.date == PartialDate(year: 2014, month: 9, day: 29))
        #expect(record.body == lines[41...143].joined(separator: "\n"))
        #expect(record.body?.hasPrefix("Defining Co-production") == true)
        #expect(record.body?.hasSuffix("Who delivers?") == true)
        #expect(record.body?.contains("Present Remotely") == false)
        #expect(record.body?.contains("Full transcript") == false)
        #expect(record.source?.bodyLine == 42)
        #expect(record.abstract == nil && record.container == nil && record.doi == nil)
    }

    @Test func scholarlyMetadataPageWithChineseTranslation() throws {
        let record = try TestFiles.importOne(try TestFiles.seed(4))
        let lines = try TestFiles.seedText(4).components(separatedBy: "\n")
        var expected = Record(id: "body2021", kind: .paper,
                              title: "Collective co-production in English public services: the case of voluntary action in primary education")
        expected.type = "article-journal"
        expected.authors = [Person(family: "Body", given: "A."), Person(family: "Hogg", given: "E.")]
        expected.date = PartialDate(year: 2021, month: 7, day: 5)
        expected.container = "Voluntary Sector Review"
        expected.doi = "10.1332/204080521x16231629157096"
        expected.abstract = lines[9]
        expected.translations = [Translation(language: "zh", title: lines[14], abstract: lines[15])]
        expected.citations = 2
        expected.source = record.source
        #expect(record == expected)
        #expect(record.translations.first?.title == "英国公共服务中的集体合作:以小学教育中的自愿行动为例")
        #expect(record.volume == nil && record.pages == nil)
    }
}
