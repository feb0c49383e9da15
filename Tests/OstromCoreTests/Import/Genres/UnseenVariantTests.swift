import Testing
@testable import OstromCore

/// Shapes these genres take on other sites, beyond the seeds and fixtures.
@Suite struct UnseenVariantTests {
    private func one(_ text: String) throws -> Record {
        try TestFiles.importOne(SourceDocument(path: "page.txt", text: text))
    }

    @Test func catalogTitleWithStatementOfResponsibility() throws {
        let record = try one("""
            Co-production and public service reform / Tony Bovaird, Elke Loeffler
            Bibliographische Detailangaben
            Hauptverfasser: Bovaird, Tony, Loeffler, Elke
            Veröffentlicht in:Policy and politics 2013-01, Vol.41 (1), p.31-47
            Sprache:eng
            """)
        #expect(record.title == "Co-production and public service reform")
        #expect(record.id == "bovaird2013")
        #expect(record.volume == "41" && record.issue == "1" && record.pages == "31-47")
    }

    @Test func catalogTitleWithASlashThatIsPartOfIt() throws {
        let record = try one("""
            Who plans/designs? Notes on co-production
            Hauptverfasser: Smith, Jane
            Veröffentlicht in:Public money & management 2019, Vol.39 (2), p.1-9
            Zusammenfassung:On planning.
            """)
        #expect(record.title == "Who plans/designs? Notes on co-production")
    }

    @Test func eventPageWithTwoSpeakers() throws {
        let record = try one("""
            Upcoming Event

            Tina Nabatchi and Alessandro Sancino – Varieties of coproduction

            March 3, 2027 at 2:30 PM to 4:00 PM

            Location: Hall B

            A joint seminar on coproduction.
            """)
        #expect(record.speakers.map(\.family) == ["Nabatchi", "Sancino"])
        #expect(record.title == "Varieties of coproduction")
        #expect(record.id == "nabatchi2027")
    }

    @Test func announcementWithValuesOnTheNextLine() throws {
        let record = try one("""
            Citizens as co-producers of safety
            Event Date:
            12 March 2019
            Speaker:
            Dr Jane Roe, University of Leeds
            Time:
            4-5.30pm
            Location:
            Room 2.14
            Police services increasingly rely on citizens.
            """)
        #expect(record.date == PartialDate(year: 2019, month: 3, day: 12))
        #expect(record.speakers == [Person(family: "Roe", given: "Jane", affiliation: "University of Leeds")])
        #expect(record.start?.description == "2019-03-12T16:00" && record.end?.description == "2019-03-12T17:30")
        #expect(record.location == "Room 2.14")
        #expect(record.abstract == "Police services increasingly rely on citizens.")
    }

    @Test func metadataPageWhoseJSONHasNoAbstract() throws {
        let record = try one("""
            Co-production in health care
            {"title":"Co-production in health care","authors":"J. Doe","doi":"10.1000/hc.1","abstract":null,"publicationDate":"2018-02-01"}
            Abstract

            This paper reviews co-production in health care settings.
            查看原文
            """)
        #expect(record.abstract == "This paper reviews co-production in health care settings.")
        #expect(record.id == "doe2018")
    }
}
