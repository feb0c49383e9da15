import Testing
@testable import OstromCore

@Suite struct ContainerCitationTests {
    @Test func vufindForm() {
        let citation = ContainerCitation.parse("International review of administrative sciences 2016-03, Vol.82 (1), p.131-149")
        #expect(citation == ContainerCitation(container: "International review of administrative sciences",
                                              date: PartialDate(year: 2016, month: 3), volume: "82", issue: "1", pages: "131-149"))
    }

    @Test func bareVolumeIssueAndEnDashPages() {
        let citation = ContainerCitation.parse("Journal of Social Policy, 2019, 48(3), pp. 45 – 67")
        #expect(citation == ContainerCitation(container: "Journal of Social Policy", date: PartialDate(year: 2019),
                                              volume: "48", issue: "3", pages: "45-67"))
    }

    @Test func germanForm() {
        let citation = ContainerCitation.parse("Zeitschrift für Sozialreform, Jg. 41, Heft 2, S. 10-20, März 2019")
        #expect(citation.container == "Zeitschrift für Sozialreform")
        #expect(citation.volume == "41" && citation.issue == "2" && citation.pages == "10-20")
        #expect(citation.date == PartialDate(year: 2019, month: 3))
    }
}
