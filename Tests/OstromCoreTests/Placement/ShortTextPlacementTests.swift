import Testing
@testable import OstromCore

/// Short case descriptions written for each stage, level and principle,
/// and texts that must not be placed.
@Suite struct ShortTextPlacementTests {
    let engine = PlacementEngine()

    static let stages: [(String, String)] = [
        ("Doing to", """
            Families were moved into the new hostel without consultation. Residents had no say in the rules, \
            which were imposed on them by the housing department, and those who refused were sanctioned.
            """),
        ("Doing to", "Pupils were forced to attend the programme and were treated as passive recipients of the lessons."),
        ("Doing for", """
            The council consulted tenants about the planned changes through a survey and two public meetings. \
            Officers designed the new service with the tenants' best interests in mind and kept residents informed of the decisions.
            """),
        ("Doing for", "Patients were asked for their views in focus groups before the clinic was redesigned by its managers."),
        ("Doing with", """
            Tenants and housing staff designed and delivered the repairs service together as equal partners. \
            Residents shared power over the budget, and their decisions were acted upon.
            """),
        ("Doing with", "The youth club is run by young people, who co-design every activity with the youth workers."),
        // Longer cases, each in the words of its own field.
        ("Doing to", """
            The local authority introduced compulsory drug testing for benefit claimants. Claimants who failed the test \
            had their payments stopped. The decision was made by officials without any input from those affected, who were simply told what would happen.
            """),
        ("Doing for", """
            The hospital trust ran a listening exercise and an online survey asking patients what they thought of the new \
            appointment system. Managers then decided on the final design, taking the feedback into account.
            """),
        ("Doing with", """
            Parents, teachers and pupils formed a joint steering group that designs and runs the school's breakfast club. \
            Decisions are made together, and parents volunteer alongside staff.
            """),
    ]

    static let levels: [(String, String)] = [
        ("Descriptive", "All services already rely on some productive input from users: a patient who takes the medicine co-produces the outcome."),
        ("Intermediate", """
            The library acknowledges the contribution of its volunteers with an annual award, \
            without changing the way the service is run.
            """),
        ("Transformative", """
            The project brought a relocation of power and control from the council to residents \
            and created new structures and a culture change inside the organisation.
            """),
    ]

    static let principles: [(String, String)] = [
        ("People as assets", "The scheme treats older residents as assets and draws on their lived experience."),
        ("Building on capabilities", "Each volunteer builds new skills and confidence; the programme grows their capabilities."),
        ("Two-way, reciprocal relationships", "Members earn time credits for every hour they give and spend them in return; the relationship is reciprocal."),
        ("Peer support", "Carers meet in peer support groups where they help each other and share mutual support."),
        ("Blurring distinctions", "The boundaries between professionals and patients are blurred: both take on roles in running the ward."),
        ("Facilitating rather than delivering", "Staff facilitate the sessions and enable people to set their own goals."),
    ]

    static let unplaced: [String] = [
        "The committee met on Tuesday to review the annual budget and approve the minutes of the last meeting.",
        "Stir the flour into the butter, add the milk slowly and bake for twenty minutes.",
        "Co-production is a popular word.",
        "This paper reviews the literature on public administration in Finland.",
        "",
    ]

    @Test(arguments: stages) func stageTexts(stage: String, text: String) {
        let placed = engine.analyse(text)
        #expect(placed.suggestion.stage == stage, "\(text.prefix(50)) → \(placed.suggestion.stage ?? "not placed")")
        #expect(placed.finding(named: stage)?.evidence.first?.marks.isEmpty == false)
    }

    @Test func aRecoveryCollegeShowsItsPrinciples() {
        let placed = engine.analyse("""
            People with lived experience of mental illness work as peer trainers alongside clinicians. Courses are co-designed \
            and co-delivered by students and staff, and everyone is seen as having something to contribute. The college changed \
            the culture of the trust, shifting power towards the people who use its services.
            """).suggestion
        #expect(placed.stage == "Doing with")
        #expect(placed.level == "Transformative")
        #expect(Set(placed.principles) == ["Blurring distinctions", "People as assets", "Building on capabilities", "Peer support"])
    }

    @Test(arguments: levels) func levelTexts(level: String, text: String) {
        #expect(engine.analyse(text).suggestion.level == level, "\(text.prefix(50))")
    }

    @Test(arguments: principles) func principleTexts(principle: String, text: String) {
        let placed = engine.analyse(text).suggestion.principles
        #expect(placed.first == principle, "\(text.prefix(50)) → \(placed)")
    }

    @Test(arguments: unplaced) func textsWithoutEvidenceAreNotPlaced(text: String) {
        #expect(engine.analyse(text).suggestion.isEmpty, "\(text)")
    }

    @Test func negatedWordsDoNotCount() {
        let notCoerced = engine.analyse("The families were not coerced into the scheme and nobody was forced into it either.")
        #expect(notCoerced.finding(named: "Doing to") == nil)
        let notShared = engine.analyse("Professionals did not share power with residents; instead of co-designing, they consulted them.")
        #expect(notShared.suggestion.stage == "Doing for")
        // "not only" is no negation.
        let notOnly = engine.analyse("Residents were not only consulted: they were heard.")
        #expect(notOnly.finding(named: "Doing for")?.evidence.first?.terms == ["consulted", "heard"])
    }

    @Test func aTieBetweenStagesIsNotPlaced() {
        let placed = engine.analyse("Some residents were coerced. Others shared power.")
        #expect(placed.suggestion.stage == nil)
        #expect(placed.finding(named: "Doing to")?.score == placed.finding(named: "Doing with")?.score)
    }

    @Test func weakWordsAloneDoNotPlace() {
        // Three weak mentions reach the score but no strong or medium word.
        let placed = engine.analyse("Co-production matters. Co-production grows. Co-production is everywhere.")
        #expect(placed.finding(named: "Doing with")?.score == 3)
        #expect(placed.suggestion.stage == nil)
    }

    @Test func aTermCountsOncePerSentenceAndMarksJoinAdjacentWords() throws {
        let placed = engine.analyse("Peer support, peer support and more peer support.")
        let peer = try #require(placed.finding(named: "Peer support"))
        #expect(peer.score == 3)
        #expect(peer.evidence[0].marked == "«Peer support», «peer support» and more «peer support».")
    }

    @Test func aGroupsPhraseOfTwoWordsCanStartATerm() {
        // "@lay led": the lay phrase is "community member", not "community".
        let evidence = engine.analyse("The garden is community member led.").finding(named: "Doing with")?.evidence
        #expect(evidence?.map(\.marked) == ["The garden is «community member led»."])
    }

    @Test func accentsApostrophesAndHyphensDoNotHideAWord() {
        #expect(engine.analyse("Les usagers ont co‑designé le service: co-désign et coproduction.").finding(named: "Doing with") != nil)
        #expect(engine.analyse("The people’s panel was co-designed with residents.").suggestion.stage == "Doing with")
    }
}
