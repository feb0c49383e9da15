import Testing
@testable import OstromCore

@Suite struct EventPageImporterTests {
    let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 22), hour: 9, minute: 30)

    @Test func upcomingSpeakerFirstWithBio() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("eventpage/upcoming-speaker-first.txt"))
        #expect(record.source?.format == "event-page")
        #expect(record.id == "bovaird2027")
        #expect(record.title == "Co-production in an age of austerity")
        #expect(record.speakers == [Person(family: "Bovaird", given: "Tony")])
        #expect(record.start?.description == "2027-03-03T14:30")
        #expect(record.end?.description == "2027-03-03T16:00")
        #expect(record.location == "Room 101, Arts Building")
        #expect(record.abstract?.hasPrefix("Austerity has pushed councils") == true)
        #expect(record.bio?.hasPrefix("Tony is Emeritus Professor") == true)
        #expect(record.status(now: now) == .upcoming)
    }

    @Test func titleFirstDayMonthDateAndBioByHonorific() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("eventpage/title-first-other-date.txt"))
        #expect(record.id == "muller2019")
        #expect(record.title == "Rethinking co-production in adult social care")
        #expect(record.speakers == [Person(family: "Müller", given: "Hannah")])
        #expect(record.start?.description == "2019-04-12T11:00")
        #expect(record.end?.description == "2019-04-12T13:00")
        #expect(record.location == "Seminar Room 3, Institute of Social Policy")
        #expect(record.abstract == "Many councils say they co-produce. Few share power. This seminar looks at the evidence from 40 English local authorities.")
        #expect(record.bio == "Dr Müller is a Lecturer in Social Policy. Her research covers adult social care and participatory governance.")
    }

    @Test func seedWithoutBlankLinesAndWithAnUpcomingDate() throws {
        let seed = try TestFiles.seedText(2)
            .replacingOccurrences(of: "\n\n", with: "\n")
            .replacingOccurrences(of: "Past Event! Note: this event has already taken place.", with: "Upcoming Event")
            .replacingOccurrences(of: "November 30, 2018 at 12:00 PM to 1:00 PM", with: "March 3, 2027 at 2:30 PM to 4:00 PM")
        let record = try TestFiles.importOne(SourceDocument(path: "page.txt", text: seed))
        #expect(record.id == "mcmullin2027")
        #expect(record.start?.description == "2027-03-03T14:30")
        #expect(record.end?.description == "2027-03-03T16:00")
        #expect(record.status(now: now) == .upcoming)
        #expect(record.bio?.hasPrefix("Caitlin is") == true)
        #expect(record.abstract?.contains("Caitlin is") == false)
    }
}

@Suite struct EventPageVariationTests {
    @Test func speakerWithAffiliationAndBioOpeningWithHonorific() throws {
        let text = """
            Past Event! Note: this event has already taken place.

            Tina Nabatchi, Syracuse University – Varieties of participation in public services

            September 14, 2017 at 3:30 PM to 5:00 PM

            Location: Maxwell Hall, Room 204

            Coproduction has become a central idea in public administration.

            Dr. Nabatchi is Professor of Public Administration and International Affairs.
            """
        let record = try TestFiles.importOne(SourceDocument(path: "p.txt", text: text))
        #expect(record.speakers == [Person(family: "Nabatchi", given: "Tina", affiliation: "Syracuse University")])
        #expect(record.title == "Varieties of participation in public services")
        #expect(record.start?.description == "2017-09-14T15:30")
        #expect(record.bio == "Dr. Nabatchi is Professor of Public Administration and International Affairs.")
        #expect(record.abstract == "Coproduction has become a central idea in public administration.")
    }
}
