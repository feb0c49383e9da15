import Foundation
import Testing
@testable import OstromCore

@Suite struct AnnotationsTests {
    private func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-annotations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

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

    @Test func savesAndLoads() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var annotations = Annotations.load(folder: folder).annotations
        annotations.apply(.star("tuurnas2016", true))
        annotations.apply(.note("nef2014", "Line one\n\"quoted\" \u{1B}"))
        annotations.apply(.placement("body2021", PlacementChoice(stage: "Doing to", level: nil, principles: ["Peer support"])))
        annotations.apply(.placement("loeffler2020", PlacementChoice()))
        #expect(try annotations.save(folder: folder) == nil)
        #expect(annotations.pending.isEmpty)
        let loaded = Annotations.load(folder: folder)
        #expect(loaded.warning == nil)
        #expect(loaded.annotations.byRecord == annotations.byRecord)
        // "Not placed" set by the user is kept, apart from no placement.
        #expect(loaded.annotations["loeffler2020"].placement == PlacementChoice())
        #expect(loaded.annotations["tuurnas2016"].placement == nil)
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
        #expect(throws: Annotations.ParseError.self) {
            try Annotations.parse(Data(#"{"records": {"a": {"placement": {"stage": 3}}}}"#.utf8))
        }
    }

    @Test func twoInstancesMerge() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first = Annotations.load(folder: folder).annotations
        var second = Annotations.load(folder: folder).annotations
        first.apply(.star("a", true))
        first.apply(.tag("b", "x", added: true))
        second.apply(.tag("b", "y", added: true))
        second.apply(.note("c", "mine"))
        try first.save(folder: folder)
        try second.save(folder: folder)
        let expected: [String: Annotation] = [
            "a": Annotation(starred: true), "b": Annotation(tags: ["x", "y"]), "c": Annotation(note: "mine"),
        ]
        #expect(Annotations.load(folder: folder).annotations.byRecord == expected)
        #expect(second.byRecord == expected)
        // The first sees the second's changes at its next save.
        first.apply(.star("a", false))
        try first.save(folder: folder)
        #expect(first.byRecord["c"] == Annotation(note: "mine"))
        #expect(first.byRecord["a"] == nil)
    }

    @Test(arguments: ["{not json", "[1, 2]", "{\"records\": {\"a\": {\"tags\": \"care\"}}}"])
    func aDamagedFileIsMovedAsideNotOverwritten(_ content: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/annotations.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = Annotations.load(folder: folder)
        let warning = try #require(loaded.warning)
        #expect(warning.contains("moved aside to"))
        #expect(loaded.annotations.byRecord.isEmpty)
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("annotations.json.damaged-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOfFile: folder + "/" + aside[0], encoding: .utf8) == content)
        #expect(!FileManager.default.fileExists(atPath: path))
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
