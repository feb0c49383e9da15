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

    @Test func starNoteAndAddedAskTheUserState() throws {
        let (rest, filter) = try StateFilter.split("care starred:yes note:Pestoff -added:2026-03 added:>=2026", names: names)
        #expect(rest == "care")
        #expect(!filter.needsPlacements)
        let none = { PlacementChoice() }
        let mine = Annotation(starred: true, note: "Read with PESTOFF, 2006.")
        #expect(filter.admits(mine, added: "2026-04-01", placement: none))
        #expect(!filter.admits(mine, added: "2026-03-15", placement: none))
        #expect(!filter.admits(mine, added: "2025-12-31", placement: none))
        // Not in the library: no day it was added.
        #expect(!filter.admits(mine, added: nil, placement: none))
        #expect(!filter.admits(Annotation(note: "pestoff"), added: "2026-04-01", placement: none))
        #expect(!filter.admits(Annotation(starred: true, note: "other"), added: "2026-04-01", placement: none))
        let (_, unstarred) = try StateFilter.split("starred:no", names: names)
        #expect(unstarred.admits(Annotation(), placement: none) && !unstarred.admits(mine, placement: none))
        #expect(throws: StateFilter.Error.self) { try StateFilter.split("starred:maybe", names: names) }
        for bad in ["added:26", "added:2026-3", "added:=>2026", "added:2026..", "added:soon"] {
            #expect(throws: StateFilter.Error.self, "\(bad)") { try StateFilter.split(bad, names: names) }
        }
    }

    @Test(arguments: [
        ("2026", "2026-01-01", true), ("2026", "2027-01-01", false), ("2026-03", "2026-03-31", true), ("2026-03", "2026-04-01", false),
        (">2026-01-01", "2026-01-01", false), (">2026-01-01", "2026-01-02", true), (">=2026-01-01", "2026-01-01", true),
        ("<2026", "2025-12-31", true), ("<2026", "2026-01-01", false), ("<=2026-02", "2026-02-28", true), ("<=2026-02", "2026-03-01", false),
        ("2026-01..2026-03", "2026-03-31", true), ("2026-01..2026-03", "2025-12-31", false), ("2026-01..2026-03", "2026-04-01", false),
    ])
    func daysAreRangesOfText(_ range: String, _ day: String, _ inside: Bool) throws {
        #expect(try #require(StateFilter.DayRange(range)).contains(day) == inside)
    }

    /// Found by fuzzing: a quoted value of many words counted every quote
    /// again for each word (40 000 words took minutes; now milliseconds).
    @Test func aLongQuotedValueIsReadOnce() throws {
        let words = Array(repeating: "word", count: 40_000)
        let (rest, filter) = try StateFilter.split("care tag:\"" + words.joined(separator: " ") + "\" trust", names: names)
        #expect(rest == "care trust")
        #expect(filter.conditions.first?.names == [words.joined(separator: " ")])
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
