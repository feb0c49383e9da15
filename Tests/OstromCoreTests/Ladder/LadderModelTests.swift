import Foundation
import Testing
@testable import OstromCore

/// Every quoted passage of the ladder model occurs verbatim in the
/// transcript (seed 003) at the lines it names.
@Suite struct LadderModelTests {
    let model: LadderModel
    let transcriptLines: [String]

    init() throws {
        model = LadderModel.builtIn()
        transcriptLines = try TestFiles.seedText(3).components(separatedBy: "\n")
    }

    /// The passage, whitespace-normalised, within the lines, likewise.
    private func occursAtItsLines(_ passage: String, _ lines: [Int]) -> Bool {
        guard lines.count == 2, lines[0] >= 1, lines[0] <= lines[1], lines[1] <= transcriptLines.count else { return false }
        let span = transcriptLines[(lines[0] - 1)...(lines[1] - 1)].joined(separator: " ").whitespaceNormalised
        return !passage.isEmpty && span.contains(passage.whitespaceNormalised)
    }

    @Test func everyQuotedPassageIsVerbatimAtItsLines() {
        var quotes: [(String, [Int])] = []
        for item in model.definitions + model.stages + model.types + model.principles + model.notCoProduction {
            quotes.append((item.passage, item.lines))
        }
        for story in model.stories {
            quotes.append((story.text, story.lines))
            quotes += story.why.map { ($0.text, $0.lines) }
        }
        quotes += [(model.matrix.rowAxis.text, model.matrix.rowAxis.lines), (model.matrix.columnAxis.text, model.matrix.columnAxis.lines)]
        #expect(quotes.count == 3 + 3 + 3 + 6 + 5 + 3 + 10 + 2)
        for (passage, lines) in quotes {
            #expect(occursAtItsLines(passage, lines), "not verbatim at lines \(lines): \(passage.prefix(60))")
        }
    }

    @Test func headingsAreTheTranscriptsOwn() {
        let headings = (model.stages + model.types + model.principles + model.notCoProduction).compactMap(\.heading) + model.stories.map(\.heading)
        for heading in headings {
            #expect(transcriptLines.contains { $0.trimmed == heading }, "heading not in transcript: \(heading)")
        }
    }

    @Test func shapeOfTheModel() {
        #expect(model.stages.map(\.name) == ["Doing to", "Doing for", "Doing with"])
        #expect(model.types.map(\.name) == ["Descriptive", "Intermediate", "Transformative"])
        #expect(model.principles.map(\.name) == ["People as assets", "Building on capabilities", "Two-way, reciprocal relationships",
                                                 "Peer support", "Blurring distinctions", "Facilitating rather than delivering"])
        #expect(model.notCoProduction.map(\.name) == ["Engagement and consultation", "User involvement", "Civil society provision",
                                                      "Volunteering", "Personal budgets"])
        #expect(model.notCoProduction.allSatisfy { $0.reason != nil })
        #expect(model.definitions.count == 3)
        #expect(model.stages[0].description?.contains("educate or cure them") == true)
        #expect(model.stages[1].description?.contains("consult or engage them") == true)
        #expect(model.stages[2].description?.contains("equal and reciprocal relationships") == true)
        #expect(model.matrix.cells.count == 3 && model.matrix.cells.allSatisfy { $0.count == 3 })
        #expect(model.matrix.rowAxis.text == "Who delivers?" && model.matrix.columnAxis.text == "Who plans/designs?")
        #expect(model.matrix.source.contains("Bovaird") && model.matrix.source.contains("67(5)"))
    }

    @Test func storiesCarryThePrinciplesTheirReasonsName() {
        let principles = Set(model.principles.map(\.name))
        for story in model.stories {
            let named = Set(story.why.flatMap(\.principles))
            #expect(named.isSubset(of: principles))
            #expect(Set(story.principles) == named)
        }
        #expect(model.stories.map(\.name) == ["F.A.S.T", "Learning to Lead", "Washington Youth Time Court"])
        #expect(model.stories[1].principles == ["People as assets", "Building on capabilities", "Peer support"])
    }
}
