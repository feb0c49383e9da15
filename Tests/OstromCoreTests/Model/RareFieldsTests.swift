import Testing
@testable import OstromCore

/// The fields most records and people leave empty are kept apart
/// (`RareFields`): each is still a value, equal and hashed by what it holds.
struct RareFieldsTests {
    private func paper() -> Record {
        var record = Record(id: "a", kind: .paper, title: "Co-production")
        record.abstract = "An abstract."
        return record
    }

    @Test func aCopyChangedLeavesTheOriginal() {
        var original = paper()
        original.editors = [Person(family: "Ostrom")]
        original.language = "en"
        var copy = original
        copy.editors.append(Person(family: "Parks"))
        copy.language = nil
        #expect(original.editors == [Person(family: "Ostrom")] && original.language == "en")
        #expect(copy.editors.map(\.family) == ["Ostrom", "Parks"] && copy.language == nil)
        #expect(original != copy)
    }

    /// Setting a field to nothing, or setting and clearing it, leaves a
    /// record equal to one where it was never set, with the same hash.
    @Test func emptyIsEmptyHoweverItCameAbout() {
        let plain = paper()
        var setToNothing = paper()
        setToNothing.bio = nil
        setToNothing.speakers = []
        var cleared = paper()
        cleared.start = LocalDateTime(date: PartialDate(year: 2024, month: 5, day: 1), hour: 10, minute: 0)
        cleared.attachments = [RecordAttachment(path: "a.pdf")]
        cleared.start = nil
        cleared.attachments = []
        for record in [setToNothing, cleared] {
            #expect(record == plain)
            #expect(record.hashValue == plain.hashValue)
            #expect(Set([record, plain]).count == 1)
        }
    }

    @Test func everyFieldReadsBackWhatWasSet() {
        var record = paper()
        let person = [Person(family: "Needham", given: "Catherine")]
        let day = PartialDate(year: 2023, month: 3, day: nil)
        record.citationKey = "key"
        record.editors = person
        record.seriesEditors = person
        record.translators = person
        record.speakers = person
        record.publisherPlace = "Bristol"
        record.issn = ["1234-5678"]
        record.language = "en"
        record.bio = "A researcher."
        record.location = "Birmingham"
        record.start = LocalDateTime(date: PartialDate(year: 2024, month: 5, day: 1), hour: 10, minute: 0)
        record.end = LocalDateTime(date: PartialDate(year: 2024, month: 5, day: 1), hour: 12, minute: 30)
        record.published = day
        record.translations = [Translation(language: "fr", title: "Coproduction")]
        record.citations = 12
        record.attachments = [RecordAttachment(path: "paper.pdf")]
        #expect(record.citationKey == "key" && record.editors == person && record.seriesEditors == person)
        #expect(record.translators == person && record.speakers == person && record.publisherPlace == "Bristol")
        #expect(record.issn == ["1234-5678"] && record.language == "en" && record.bio == "A researcher.")
        #expect(record.location == "Birmingham" && record.start?.hour == 10 && record.end?.minute == 30)
        #expect(record.published == day && record.translations.first?.title == "Coproduction" && record.citations == 12)
        #expect(record.attachments.map(\.path) == ["paper.pdf"])
        #expect(record.title == "Co-production" && record.abstract == "An abstract.")
    }

    @Test func aPersonsRareFieldsAreHersAlone() {
        let organisation = Person(literal: "World Health Organization", affiliation: "United Nations")
        var copy = organisation
        copy.literal = nil
        copy.family = "Bovaird"
        copy.suffix = "Jr."
        #expect(organisation.literal == "World Health Organization" && organisation.affiliation == "United Nations")
        #expect(organisation.suffix == nil && organisation.sortName == "World Health Organization")
        #expect(copy.sortName == "Bovaird, Jr." && copy.affiliation == "United Nations")
        var cleared = Person(family: "Loeffler", suffix: "III")
        cleared.suffix = nil
        #expect(cleared == Person(family: "Loeffler") && cleared.hashValue == Person(family: "Loeffler").hashValue)
    }

    /// An article as reference managers write it, in each format, has
    /// none of the rare fields: no box is made for it or its authors (a
    /// citation key in the box had given every imported record one).
    @Test func aTypicalArticleHasNoBox() {
        let documents = [
            SourceDocument(path: "a.bib", text: """
                @article{bovaird2007, author = {Bovaird, Tony and Loeffler, Elke}, title = {Beyond engagement},
                  journal = {Public Administration Review}, year = {2007}, volume = {67}, number = {5}, pages = {846--860},
                  doi = {10.1111/j.1540-6210.2007.00773.x}, keywords = {co-production; participation}, abstract = {Users and communities.}}
                """),
            SourceDocument(path: "a.ris", text: "TY  - JOUR\nID  - bovaird2007\nAU  - Bovaird, Tony\nTI  - Beyond engagement\nT2  - Public Administration Review\nPY  - 2007\nDO  - 10.1111/j.1540-6210.2007.00773.x\nKW  - co-production\nER  - \n"),
            SourceDocument(path: "a.json", text: """
                [{"id": "bovaird2007", "type": "article-journal", "title": "Beyond engagement", "author": [{"family": "Bovaird", "given": "Tony"}],
                  "container-title": "Public Administration Review", "issued": {"date-parts": [[2007]]}, "DOI": "10.1111/j.1540-6210.2007.00773.x"}]
                """),
        ]
        for document in documents {
            let records = DocumentRecognizer().importRecords(from: document).records
            #expect(records.count == 1 && records[0].citationKey == "bovaird2007", "\(document.path)")
            #expect(records.allSatisfy { $0.rare.values == nil && $0.authors.allSatisfy { $0.rare.values == nil } }, "\(document.path)")
        }
    }

    /// What the boxes are for: a record is near half its former 624 bytes,
    /// a person half its former 80. (Since session 18 the abstract takes 8
    /// bytes more, to tell a text of its own from one kept in a
    /// `LongTextStore`, and the body is among the rare fields.)
    @Test func recordsAndPeopleAreSmall() {
        #expect(MemoryLayout<Record>.size <= 320)
        #expect(MemoryLayout<Person>.size <= 40)
    }
}
