import Testing
@testable import OstromCore

@Suite struct EventAnnouncementImporterTests {
    let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 22), hour: 9, minute: 30)

    @Test func upcomingEventWithAffiliationInParenthesesAndBioHeading() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("announcement/upcoming-with-bio.txt"))
        #expect(record.source?.format == "event-announcement")
        #expect(record.id == "nowak2027")
        #expect(record.title == "Co-designing mental health services with young people")
        #expect(record.speakers == [Person(family: "Nowak", given: "Anna", affiliation: "University of Warsaw")])
        #expect(record.start?.description == "2027-03-12T16:00")
        #expect(record.end?.description == "2027-03-12T17:30")
        #expect(record.location == "Lecture Theatre 2, Main Building")
        #expect(record.published == PartialDate(year: 2027, month: 2, day: 1))
        #expect(record.abstract == "How can young people shape the services meant for them? This seminar reports on three years of co-design workshops in Polish schools.\n\nWe discuss what changed, for whom, and at what cost.")
        #expect(record.bio == "Anna Nowak is Professor of Social Policy at the University of Warsaw, where she leads the Youth Participation Lab.")
        #expect(record.status(now: now) == .upcoming)
    }

    @Test func whenWhereLabelsTwoSpeakersAndChrome() throws {
        let record = try TestFiles.importOne(try TestFiles.fixture("announcement/when-where-two-speakers.txt"))
        #expect(record.id == "roe2015")
        #expect(record.title == "Time banking and the core economy")
        #expect(record.speakers == [Person(family: "Roe", given: "Jane", affiliation: "University of Leeds"),
                                    Person(family: "Smith", given: "Tom", affiliation: "London School of Economics")])
        #expect(record.start?.description == "2015-06-03T10:00")
        #expect(record.end?.description == "2015-06-03T12:30")
        #expect(record.location == "Council Chamber, Town Hall, Leeds")
        #expect(record.published == PartialDate(year: 2015, month: 5, day: 20))
        #expect(record.abstract?.contains("Register now") == false)
        #expect(record.abstract?.contains("Share this page") == false)
        #expect(record.bio == nil)
        #expect(record.status(now: now) == .past)
    }

    @Test func unreadableTimeIsReportedWithItsLine() throws {
        let text = "A talk\nEvent Date: 5 February 2020\nSpeaker: Jane Roe\nTime: after lunch\nLocation: Hall"
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: "talk.txt", text: text))
        #expect(result.records.count == 1)
        #expect(result.records.first?.start == nil)
        #expect(result.diagnostics.map(\.description) == ["talk.txt:4: warning: could not read the time “after lunch”"])
    }

    @Test func crlfLineEndingsGiveTheSameRecord() throws {
        let seed = try TestFiles.seed(1)
        let crlf = SourceDocument(path: seed.path, text: seed.text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try TestFiles.importOne(crlf) == TestFiles.importOne(seed))
    }
}
