import Foundation
import Testing

/// `ostrom place`, the placement in `show` and `ladder`, `stage:`-style
/// searches and the user's own placement, in the real binary.
@Suite struct PlacementCommandTests {
    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func placePrintsTheStageAndItsEvidenceForAnyText() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let consulted = folder.appendingPathComponent("consultation.txt")
        try """
            Library closures
            The council consulted residents in two public meetings and kept them informed of its decision.
            """.write(to: consulted, atomically: true, encoding: .utf8)
        let placed = try OstromBinary.run(["place", consulted.path])
        #expect(placed.status == 0)
        #expect(placed.stdout.contains("Stage       Doing for (score"))
        #expect(placed.stdout.contains("The council «consulted» residents in two «public meetings»"))
        // A plain text is what `place` is for: no warning that it became a note.
        #expect(placed.stderr.isEmpty)
        let recipe = folder.appendingPathComponent("recipe.txt")
        try "Scones\nMix the flour and the butter, add milk and bake.\n".write(to: recipe, atomically: true, encoding: .utf8)
        let unplaced = try OstromBinary.run(["place", recipe.path])
        #expect(unplaced.status == 1)
        #expect(unplaced.stdout.contains("Stage       not placed — no evidence"))
        #expect(unplaced.stderr.contains("nothing placed"))
    }

    @Test func placeJSONOfTheBodySeedCarriesItsCoercionEvidence() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/004_630f8dd18c1cf820.txt")
        let output = try OstromBinary.run(["place", "--format", "json", seed.path])
        let placements = try #require(try json(output.stdout) as? [[String: Any]])
        let body = try #require(placements.first)
        #expect(body["id"] as? String == "body2021")
        #expect(body["stage"] as? String == "Doing with")
        #expect(body["setBy"] as? String == "suggested")
        let stages = try #require(body["stages"] as? [[String: Any]])
        let to = try #require(stages.first { $0["name"] as? String == "Doing to" })
        #expect((to["marked"] as? [String])?.first?.contains("schools feeling «coerced» into co-production") == true)
    }

    @Test func ladderJSONPlacesEveryRecordAndShowSaysWhoSetIt() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let ladder = try #require(try json(try OstromBinary.run(["ladder", "--format", "json"], environment: environment).stdout) as? [String: Any])
        let placements = try #require(ladder["placements"] as? [[String: Any]])
        #expect(Set(placements.compactMap { $0["id"] as? String }) == ["tuurnas2016", "loeffler2020", "mcmullin2018", "nef2014", "body2021"])
        let tuurnas = try #require(placements.first { $0["id"] as? String == "tuurnas2016" })
        #expect(tuurnas["stage"] as? String == "Doing with")
        let principles = try #require(tuurnas["principles"] as? [[String: Any]])
        let blurring = try #require(principles.first { $0["name"] as? String == "Blurring distinctions" })
        #expect((blurring["score"] as? Int ?? 0) > 0)
        #expect((blurring["evidence"] as? [String])?.isEmpty == false)

        let set = try OstromBinary.run(["annotate", "body2021", "--stage", "to", "--level", "intermediate"], environment: environment)
        #expect(set.status == 0)
        let shown = try OstromBinary.run(["show", "body2021"], environment: environment)
        #expect(shown.stdout.contains("On the ladder (set by you)\n  Stage       Doing to (score 3)\n  Level       Intermediate"))
        #expect(shown.stdout.contains("Suggested   Doing with"))
        let shownJSON = try #require(try json(try OstromBinary.run(["show", "body2021", "--format", "json"], environment: environment).stdout) as? [String: Any])
        let placement = try #require(shownJSON["placement"] as? [String: Any])
        #expect(placement["setBy"] as? String == "user")
        #expect((placement["suggested"] as? [String: Any])?["stage"] as? String == "Doing with")
        let found = try OstromBinary.run(["search", "stage:to"], environment: environment)
        #expect(found.stdout.hasPrefix("body2021 "))
        let ladderText = try OstromBinary.run(["ladder"], environment: environment).stdout
        #expect(ladderText.contains("Records on the ladder"))
        #expect(ladderText.contains("  Doing to: *body2021 3\n"))
        #expect(ladderText.contains("  Intermediate: *body2021 2\n"))
        let unknown = try OstromBinary.run(["annotate", "body2021", "--level", "sideways"], environment: environment)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("“sideways” names no level: Descriptive, Intermediate, Transformative, or none"))
        let back = try OstromBinary.run(["annotate", "body2021", "--suggested"], environment: environment)
        #expect(back.stdout.contains("On the ladder (suggested from the text)"))
        #expect(try OstromBinary.run(["search", "stage:to"], environment: environment).status == 1)
    }

    @Test func searchFieldsForThePlace() throws {
        let found = try OstromBinary.run(["search", "stage:with principle:\"blurring distinctions\" level:transformative"])
        #expect(found.status == 0)
        #expect(found.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix(while: { $0 != " " })) }
            == ["tuurnas2016", "nef2014"])
        let excluded = try OstromBinary.run(["search", "co-production -level:transformative", "--format", "json"])
        let ids = (try json(excluded.stdout) as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(Set(ids ?? []) == ["loeffler2020", "mcmullin2018", "body2021"])
        let unknown = try OstromBinary.run(["search", "stage:sideways"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no stage “sideways” (to, for, with)"))
    }
}
