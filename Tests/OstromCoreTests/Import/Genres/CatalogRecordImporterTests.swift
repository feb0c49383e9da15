import Testing
@testable import OstromCore

@Suite struct CatalogRecordImporterTests {
    @Test func englishVuFindPageWithMultiLineSummaryAndTrailingChrome() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("catalog/vufind-english.txt"))
        #expect(record.id == "osborne2016")
        #expect(record.source?.format == "catalog-record-page")
        #expect(record.title == "Co-production and the co-creation of value in public services: a suitable case for treatment?")
        #expect(record.authors == [Person(family: "Osborne", given: "Stephen P."), Person(family: "Radnor", given: "Zoe"),
                                   Person(family: "Strokosch", given: "Kirsty")])
        #expect(record.container == "Public Management Review")
        #expect(record.date == PartialDate(year: 2016, month: 5))
        #expect(record.volume == "18" && record.issue == "5" && record.pages == "639-653")
        #expect(record.issn == ["1471-9037", "1471-9045"])
        #expect(record.doi == "10.1080/14719037.2015.1111927")
        #expect(record.language == "en")
        #expect(record.type == "article-journal")
        #expect(record.keywords == ["co-production", "co-creation", "public service-dominant logic"])
        #expect(record.abstract == "This paper explores the co-production and co-creation of value in public services. It distinguishes four types of co-production and argues that the experience of the service user is central.")
    }

    @Test func germanBookWithRoleNotesLifeDatesAndYearField() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("catalog/katalog-buch.txt"))
        #expect(record.id == "muller2016")
        #expect(record.type == "book")
        #expect(record.authors == [Person(family: "Müller", given: "Jürgen"), Person(family: "Żółkowska", given: "Agnieszka")])
        #expect(record.date == PartialDate(year: 2016))
        #expect(record.publisher == "Springer VS")
        #expect(record.language == "de")
        #expect(record.keywords == ["Koproduktion", "Verwaltung", "Bürgerbeteiligung"])
        #expect(record.container == nil && record.doi == nil && record.issn.isEmpty)
        #expect(record.abstract?.hasPrefix("Das Buch untersucht") == true)
    }

    @Test func corporateAuthorGetsInitialsAsId() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("catalog/corporate-author.txt"))
        #expect(record.id == "scie2019")
        #expect(record.authors == [Person(literal: "Social Care Institute for Excellence")])
        #expect(record.date == PartialDate(year: 2019, month: 3, day: 12))
        #expect(record.container == "SCIE guide")
        #expect(record.issue == "51")
        #expect(record.type == "report")
    }

    @Test func fieldsInAnotherOrderGiveTheSameRecord() throws {
        let seed = try TestFiles.seed(0)
        let labelled = seed.lines.filter { CatalogRecordImporter.labels.match($0) != nil }
        let others = seed.lines.filter { CatalogRecordImporter.labels.match($0) == nil && !$0.hasPrefix("1461") }
        let shuffled = [others[0]] + labelled.reversed().flatMap { $0.hasPrefix("ISSN") ? [$0, "1461-7226"] : [$0] } + others.dropFirst()
        let original = try TestFiles.importOne(seed)
        let reordered = try TestFiles.importOne(SourceDocument(path: seed.path, text: shuffled.joined(separator: "\n")))
        #expect(reordered == original)
    }
}

@Suite struct CatalogRecordVariationTests {
    @Test func bookWithPublishedLineAndMultiWordFamilyName() throws {
        let text = """
            Co-production and co-creation: engaging citizens in public services
            Bibliographic Details
            Main Authors: Van Ryzin, Gregg G, Brandsen, Taco
            Published: New York : Routledge, 2018
            Format: Book
            Language: English
            Summary: This book brings together research on co-production and co-creation.
            """
        let record = try TestFiles.importOne(SourceDocument(path: "b.txt", text: text))
        #expect(record.id == "vanryzin2018")
        #expect(record.authors == [Person(family: "Van Ryzin", given: "Gregg G"), Person(family: "Brandsen", given: "Taco")])
        #expect(record.publisher == "Routledge")
        #expect(record.date == PartialDate(year: 2018))
        #expect(record.type == "book")
    }
}
