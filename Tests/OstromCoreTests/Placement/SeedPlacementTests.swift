import SyntheticLibrary
import Testing
@testable import OstromCore

/// The engine on the seeds, reasoned from their text: what a careful
/// reader of the transcript would say of each, and the stories' principles
/// exactly as their "Why is this co-production?" passages name them.
@Suite struct SeedPlacementTests {
    let engine = PlacementEngine()
    let library = Library.builtIn()
    let ladder: LadderModel

    init() throws {
        ladder = LadderModel.builtIn()
    }

    private func analysis(_ id: String) throws -> PlacementAnalysis {
        engine.analyse(try #require(library.record(withID: id)))
    }

    /// A record is read part by part (title, keywords, abstract, text) as
    /// its parts written with blank lines between them would be: the same
    /// findings, scores, evidence and marks, on the seeds and generated records.
    @Test func aRecordIsReadAsItsPartsWithBlankLinesBetween() {
        var records = library.records + SyntheticLibrary.records(count: 60)
        records[0].keywords = ["co-production", "peer support"]
        for record in records {
            let parts = [record.title] + (record.keywords.isEmpty ? [] : [record.keywords.joined(separator: "; ")])
                + [record.abstract, record.body].compactMap { $0 }
            #expect(engine.analyse(record) == engine.analyse(parts.joined(separator: "\n\n")), "\(record.id)")
        }
    }

    @Test func tuurnasIsCoProductionBetweenVolunteersAndProfessionals() throws {
        let placed = try analysis("tuurnas2016")
        #expect(placed.suggestion.stage == "Doing with")
        #expect(placed.suggestion.principles.contains("Blurring distinctions"))
        let blurring = try #require(placed.finding(named: "Blurring distinctions"))
        #expect(blurring.evidence.contains { $0.sentence.contains("co-production between volunteers and professionals") })
        let mixing = try #require(blurring.evidence.first { $0.sentence.hasPrefix("Mixing of roles") })
        #expect(Set(mixing.terms).isSuperset(of: ["Mixing of roles", "professionals", "volunteers"]))
        let with = try #require(placed.finding(named: "Doing with"))
        #expect(with.evidence.contains { $0.terms.contains("co-production between") })
        // "changes the working culture", "a seed for cultural change".
        #expect(placed.suggestion.level == "Transformative")
        #expect(placed.finding(named: "Transformative")?.evidence.contains { $0.terms.contains("cultural change") } == true)
    }

    @Test func bodySurfacesCoercionAsDoingToBesideItsCollectiveCoProduction() throws {
        let placed = try analysis("body2021")
        #expect(placed.suggestion.stage == "Doing with")
        let to = try #require(placed.finding(named: "Doing to"))
        let coerced = try #require(to.evidence.first)
        #expect(coerced.sentence.contains("schools feeling coerced into co-production"))
        #expect(coerced.terms == ["coerced"])
        let with = try #require(placed.finding(named: "Doing with"))
        #expect(with.evidence.contains { $0.terms.contains("collective co-production") })
        #expect(with.score > to.score)
    }

    @Test(arguments: ["loeffler2020", "mcmullin2018"])
    func eventsArePlacedWithTheirOwnSentences(id: String) throws {
        let record = try #require(library.record(withID: id))
        let placed = engine.analyse(record)
        #expect(placed.suggestion.stage == "Doing with")
        let with = try #require(placed.finding(named: "Doing with"))
        #expect(with.strongest == 3)
        let parts = [record.title, record.keywords.joined(separator: "; "), record.abstract ?? "", record.body ?? ""]
        let text = parts.joined(separator: "\n\n").whitespaceNormalised
        for evidence in with.evidence {
            #expect(text.contains(evidence.sentence.whitespaceNormalised), "not the record's own: \(evidence.sentence)")
            #expect(!evidence.marks.isEmpty)
        }
    }

    @Test func mcmullinsEvidenceIsUsersDesigningAndDelivering() throws {
        let with = try #require(try analysis("mcmullin2018").finding(named: "Doing with"))
        #expect(with.evidence.contains { $0.terms.contains("designing and delivering") })
    }

    @Test func eachStoryReasonCarriesExactlyThePrinciplesItNames() {
        for story in ladder.stories {
            var union: Set<String> = []
            for reason in story.why {
                let found = engine.analyse(reason.text).suggestion.principles
                #expect(Set(found) == Set(reason.principles), "\(story.name): \(reason.text.prefix(50))")
                union.formUnion(found)
            }
            #expect(union == Set(story.principles), "\(story.name)")
        }
    }

    @Test func theTranscriptsOwnStageDescriptionsLandOnTheirStages() {
        for stage in ladder.stages {
            #expect(engine.analyse(stage.passage).suggestion.stage == stage.name, "\(stage.name)")
        }
        for level in ladder.types {
            #expect(engine.analyse(level.passage).suggestion.level == level.name, "\(level.name)")
        }
        for principle in ladder.principles {
            #expect(engine.analyse(principle.passage).suggestion.principles.contains(principle.name), "\(principle.name)")
        }
    }
}
