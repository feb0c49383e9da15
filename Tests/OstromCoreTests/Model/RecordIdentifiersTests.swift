import Testing
@testable import OstromCore

@Suite struct RecordIdentifiersTests {
    private func paper(_ person: Person?, year: Int?, key: String? = nil, title: String = "A title") -> Record {
        var record = Record(kind: .paper, title: title)
        record.authors = person.map { [$0] } ?? []
        record.date = year.map { PartialDate(year: $0) }
        record.citationKey = key
        return record
    }

    @Test func familyNameFoldedToASCIIPlusYear() {
        var records = [paper(Person(family: "Müller-Łącka", given: "Zoë"), year: 2019), paper(Person(family: "van der Berg"), year: 2001)]
        RecordIdentifiers.assign(&records)
        #expect(records.map(\.id) == ["mullerlacka2019", "vanderberg2001"])
    }

    @Test func organisationsOfThreeOrMoreWordsUseInitials() {
        var records = [paper(Person(literal: "New Economics Foundation"), year: 2014),
                       paper(Person(literal: "Social Care Institute for Excellence"), year: 2016),
                       paper(Person(literal: "Nesta"), year: 2012)]
        RecordIdentifiers.assign(&records)
        #expect(records.map(\.id) == ["nef2014", "scie2016", "nesta2012"])
    }

    @Test func collisionsGetLettersAndCitationKeysAreKept() {
        var records = [paper(Person(family: "Smith"), year: 2020), paper(Person(family: "Smith"), year: 2020),
                       paper(Person(family: "Smith"), year: 2020), paper(Person(family: "Jones"), year: 1999, key: "smith2020b")]
        RecordIdentifiers.assign(&records)
        #expect(records.map(\.id) == ["smith2020", "smith2020a", "smith2020c", "smith2020b"])
    }

    @Test func aKeyRepeatedManyTimesGetsEverySuffixOnce() {
        var records = (0..<2000).map { paper(nil, year: nil, key: $0 == 3 ? "samea" : "same") }
        RecordIdentifiers.assign(&records)
        #expect(Set(records.map(\.id)).count == 2000)
        #expect(Array(records.map(\.id).prefix(5)) == ["same", "sameb", "samec", "samea", "samed"])
        #expect(records.last?.id == "samebxw")
    }

    @Test func noPersonFallsBackToTitleWordAndNoYearToNone() {
        var records = [paper(nil, year: nil, title: "The public service matrix"), paper(Person(family: "李"), year: 2021, title: "合作")]
        RecordIdentifiers.assign(&records)
        #expect(records.map(\.id) == ["public", "paper2021"])
    }
}
