import Testing
@testable import OstromCore

@Suite struct PersonNamesTests {
    @Test func displayAndSortNames() {
        #expect(PersonNames.parse("Dr. Elke Loeffler") == Person(family: "Loeffler", given: "Elke"))
        #expect(PersonNames.parse("Tuurnas, Sanna") == Person(family: "Tuurnas", given: "Sanna"))
        #expect(PersonNames.parse("Ludwig van der Berg") == Person(family: "van der Berg", given: "Ludwig"))
        #expect(PersonNames.parse("Prof Martin Luther King Jr.") == Person(family: "King", given: "Martin Luther"))
        #expect(PersonNames.parse("Müller, Jürgen [VerfasserIn] 1970-") == Person(family: "Müller", given: "Jürgen"))
        #expect(PersonNames.parse("Nesta") == Person(literal: "Nesta"))
        #expect(PersonNames.parse("New Economics Foundation") == Person(literal: "New Economics Foundation"))
    }

    @Test func listsInTheirCommonShapes() {
        #expect(PersonNames.parseList("Tuurnas, Sanna, Stenvall, Jari, Rannisto, Pasi-Heikki").map(\.family) == ["Tuurnas", "Stenvall", "Rannisto"])
        #expect(PersonNames.parseList("A. Body, E. Hogg") == [Person(family: "Body", given: "A."), Person(family: "Hogg", given: "E.")])
        #expect(PersonNames.parseList("Body, A.; Hogg, E.") == [Person(family: "Body", given: "A."), Person(family: "Hogg", given: "E.")])
        #expect(PersonNames.parseList("Jane Doe and John Roe").map(\.family) == ["Doe", "Roe"])
        #expect(PersonNames.parseList("Sanna Tuurnas, Jari Stenvall, Pasi-Heikki Rannisto").map(\.family) == ["Tuurnas", "Stenvall", "Rannisto"])
    }

    @Test func catalogListsAreAlwaysFamilyFirst() {
        #expect(PersonNames.parseList("Van Ryzin, Gregg G, Bovaird, Tony", sortNamesFirst: true)
            == [Person(family: "Van Ryzin", given: "Gregg G"), Person(family: "Bovaird", given: "Tony")])
        #expect(PersonNames.parseList("Pestoff, Victor", sortNamesFirst: true) == [Person(family: "Pestoff", given: "Victor")])
    }

    @Test func familyNameFollowedByInitials() {
        #expect(PersonNames.parseList("Bovaird T, Loeffler E") == [Person(family: "Bovaird", given: "T"), Person(family: "Loeffler", given: "E")])
        #expect(PersonNames.parse("Van Ryzin GG") == Person(family: "Van Ryzin", given: "GG"))
        #expect(PersonNames.parse("Jane Roe") == Person(family: "Roe", given: "Jane"))
    }

    @Test func speakerLineSides() {
        #expect(EventDraft.splitSpeakerAndTitle("Caitlin McMullin – Rules, practices and narratives")?.speaker == "Caitlin McMullin")
        #expect(EventDraft.splitSpeakerAndTitle("Rules, practices and narratives – Caitlin McMullin")?.title == "Rules, practices and narratives")
        #expect(EventDraft.splitSpeakerAndTitle("Co-production: theory and practice") == nil)
        let withAffiliation = EventDraft.splitSpeakerAndTitle("Tina Nabatchi, Syracuse University – Varieties of coproduction")
        #expect(withAffiliation?.speaker == "Tina Nabatchi, Syracuse University")
        #expect(withAffiliation?.title == "Varieties of coproduction")
    }
}
