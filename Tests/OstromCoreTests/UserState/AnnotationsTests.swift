import Foundation
import Testing
@testable import OstromCore

@Suite struct AnnotationsTests {
    @Test func changesAndUndo() {
        var annotations = Annotations()
        annotations.apply(.star("a", true))
        annotations.apply(.tag("a", "care", added: true))
        annotations.apply(.tag("a", "policing", added: true))
        annotations.apply(.note("a", "read again"))
        #expect(annotations["a"] == Annotation(starred: true, tags: ["care", "policing"], note: "read again"))
        #expect(annotations.undo() == .note("a", nil))
        #expect(annotations.undo() == .tag("a", "policing", added: false))
        #expect(annotations["a"] == Annotation(starred: true, tags: ["care"]))
        _ = annotations.undo()
        _ = annotations.undo()
        #expect(annotations.byRecord.isEmpty)
        #expect(annotations.undo() == nil)
        #expect(annotations.pending.count == 8)
    }

    @Test func aPlacementChangeUndoesBackToTheSuggestion() {
        var annotations = Annotations()
        annotations.apply(.placement("a", PlacementChoice(stage: "Doing for")))
        annotations.apply(.placement("a", PlacementChoice(stage: "Doing with")))
        #expect(annotations.undo() == .placement("a", PlacementChoice(stage: "Doing for")))
        #expect(annotations.undo() == .placement("a", nil))
        #expect(annotations.byRecord.isEmpty)
    }

    @Test func aPlacementOfTheWrongShapeIsDamage() {
        #expect(throws: LegacyStateFiles.Failure.self) {
            try LegacyStateFiles.annotations(in: Data(#"{"records": {"a": {"placement": {"stage": 3}}}}"#.utf8))
        }
        #expect(throws: AnnotationJSON.Failure.self) { try AnnotationJSON.placement(from: #"{"principles": "one"}"#) }
        #expect(throws: AnnotationJSON.Failure.self) { try AnnotationJSON.tags(from: "care") }
    }

    @Test(arguments: ["{not json", "[1, 2]", "{\"records\": {\"a\": {\"tags\": \"care\"}}}", "{\"version\": \"one\", \"records\": {}}"])
    func aDamagedFileOfAnEarlierVersionIsAnError(_ content: String) {
        #expect(throws: LegacyStateFiles.Failure.self) { try LegacyStateFiles.annotations(in: Data(content.utf8)) }
    }
}

@Suite struct StateFilterTests {
    let names = PlacementNames()

    @Test func tagWordsLeaveTheQueryButNotInsideQuotes() throws {
        let (rest, filter) = try StateFilter.split("\"tag:x y\" tag:care -TAG:old tag: trust", names: names)
        #expect(rest == "\"tag:x y\" trust")
        #expect(filter.conditions == [.init(field: .tag, names: ["care"], excluded: false), .init(field: .tag, names: ["old"], excluded: true)])
        #expect(!filter.needsPlacements)
        let none = { PlacementChoice() }
        #expect(filter.admits(Annotation(tags: ["care", "new"]), placement: none))
        #expect(!filter.admits(Annotation(tags: ["care", "old"]), placement: none))
        #expect(!filter.admits(Annotation(tags: ["new"]), placement: none))
    }

    @Test func placementWordsNameStagesLevelsAndPrinciples() throws {
        let (rest, filter) = try StateFilter.split("care stage:with principle:\"peer support\" -level:trans principle:recipro", names: names)
        #expect(rest == "care")
        #expect(filter.conditions == [
            .init(field: .stage, names: ["Doing with"], excluded: false),
            .init(field: .principle, names: ["Peer support"], excluded: false),
            .init(field: .level, names: ["Transformative"], excluded: true),
            .init(field: .principle, names: ["Two-way, reciprocal relationships"], excluded: false),
        ])
        let place = PlacementChoice(stage: "Doing with", level: "Intermediate", principles: ["Peer support", "Two-way, reciprocal relationships"])
        #expect(filter.admits(Annotation()) { place })
        #expect(!filter.admits(Annotation()) { PlacementChoice(stage: "Doing with", level: "Transformative", principles: place.principles) })
        #expect(!filter.admits(Annotation()) { PlacementChoice(stage: "Doing for", principles: place.principles) })
    }

    @Test func aPrefixMayMeanSeveralAndAnUnknownValueIsAnError() throws {
        let (_, filter) = try StateFilter.split("principle:p", names: names)
        #expect(filter.conditions.first?.names == ["People as assets", "Peer support"])
        #expect(throws: StateFilter.Error(message: "no stage “sideways” (to, for, with)")) {
            try StateFilter.split("stage:sideways", names: names)
        }
        // Still being typed: nothing after the colon, or an open quote.
        #expect(try StateFilter.split("stage: principle:\"", names: names).filter.isEmpty)
    }

}
