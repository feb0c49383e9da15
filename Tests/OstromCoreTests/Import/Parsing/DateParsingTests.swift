import Testing
@testable import OstromCore

@Suite struct DateParsingTests {
    @Test(arguments: [
        ("2016-03", "2016-03"), ("2020-02-05", "2020-02-05"), ("5 February 2020", "2020-02-05"),
        ("12 March 2019", "2019-03-12"), ("March 3, 2027 at 2:30 PM", "2027-03-03"),
        ("Wednesday 3rd June 2015, 10:00", "2015-06-03"), ("5th Feb. 2020", "2020-02-05"),
        ("March 2019", "2019-03"), ("05.02.2020", "2020-02-05"), ("5. Februar 2020", "2020-02-05"),
        ("am 3. März 2021", "2021-03-03"), ("02/25/2020", "2020-02-25"), ("2016-05", "2016-05"),
        ("Journal 2016-03, Vol.82 (1)", "2016-03"),
    ])
    func readsCommonForms(text: String, iso: String) {
        #expect(DateParsing.date(from: text)?.description == iso)
    }

    @Test func bareYearOnlyWhenAllowed() {
        #expect(DateParsing.date(from: "Springer, 2016", allowYearOnly: true) == PartialDate(year: 2016))
        #expect(DateParsing.firstDate(in: "Springer, 2016") == nil)
    }

    @Test func rejectsImpossibleDates() {
        #expect(DateParsing.date(from: "2019-02-30", allowYearOnly: false) == nil)
        #expect(DateParsing.date(from: "ISSN 1461-7226", allowYearOnly: false) == nil)
        #expect(DateParsing.date(from: "29 February 2020")?.description == "2020-02-29")
        #expect(DateParsing.date(from: "29 February 2019", allowYearOnly: false) == nil)
    }
}
