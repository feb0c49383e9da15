import Testing
@testable import OstromCore

@Suite struct PersonTests {
    @Test func aNameIsShownGivenThenFamilyWithItsSuffix() {
        #expect(Person(family: "Ostrom", given: "Elinor").displayName == "Elinor Ostrom")
        #expect(Person(family: "King", given: "Martin Luther", suffix: "Jr.").displayName == "Martin Luther King, Jr.")
        #expect(Person(family: "van der Berg").displayName == "van der Berg")
        #expect(Person(given: "Ada").displayName == "Ada")
        #expect(Person(suffix: "III").displayName == ", III")
        #expect(Person(family: "Ignored", literal: "Nesta").displayName == "Nesta")
        #expect(Person().displayName == "")
    }

    @Test func aSortNameIsFamilyGivenSuffix() {
        #expect(Person(family: "King", given: "Martin Luther", suffix: "Jr.").sortName == "King, Martin Luther, Jr.")
        #expect(Person(given: "Ada").sortName == "Ada")
        #expect(Person(family: "Ignored", literal: "Nesta").sortName == "Nesta")
    }
}
