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

/// The annotations file is the user's: never written over when it cannot
/// be read or a newer ostrom wrote it, never lost when damaged, never
/// written through a planted link, never waited for without end.
@Suite struct AnnotationsFileSafetyTests {
    private func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-annotations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private func starred(_ id: String) -> Annotations {
        var annotations = Annotations()
        annotations.apply(.star(id, true))
        return annotations
    }

    /// Made unreadable as a folder in its place: mode 000 would not stop root, who runs CI.
    @Test func anUnreadableFileIsNeverSavedOver() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/annotations.json"
        try FileManager.default.createDirectory(atPath: file + "/inside", withIntermediateDirectories: true)
        let loaded = Annotations.load(folder: folder)
        #expect(loaded.warning?.hasPrefix("annotations.json cannot be read (") == true)
        var annotations = starred("b")
        #expect(throws: AtomicFile.WriteError.self) { try annotations.save(folder: folder) }
        #expect(annotations.pending.count == 1)
        #expect(FileManager.default.fileExists(atPath: file + "/inside"))
    }

    @Test func aNewerVersionIsShownButNotSavedOverAndAnUnknownOneIsDamage() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = URL(fileURLWithPath: folder + "/annotations.json")
        let newer = Data(#"{"version": 2, "records": {"a": {"starred": true, "colour": "red"}}, "views": []}"#.utf8)
        try newer.write(to: file)
        let loaded = Annotations.load(folder: folder)
        #expect(loaded.annotations["a"].starred)
        #expect(loaded.warning == "annotations.json is from a newer ostrom (version 2); shown but not saved over (in \(folder))")
        var annotations = starred("b")
        #expect(throws: AtomicFile.WriteError.self) { try annotations.save(folder: folder) }
        #expect(try Data(contentsOf: file) == newer)
        try Data(#"{"version": "one", "records": {}}"#.utf8).write(to: file)
        #expect(Annotations.load(folder: folder).warning?.contains("an unknown version “one”; moved aside to annotations.json.damaged-") == true)
    }

    @Test func damagedCopiesMovedAsideInOneSecondKeepTheirOwnNames() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = URL(fileURLWithPath: folder + "/annotations.json")
        for copy in ["first", "second", "third"] {
            try Data("{\"records\": \(copy)".utf8).write(to: file)
            _ = Annotations.load(folder: folder)
        }
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".damaged-") }
        #expect(aside.count == 3)
        let contents = Set(try aside.map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)), as: UTF8.self) })
        #expect(contents == ["{\"records\": first", "{\"records\": second", "{\"records\": third"])
    }

    @Test func aLinkPlantedAtATemporaryOrLockPathIsNeverWrittenThrough() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let victim = folder + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        // The names earlier versions used, and the lock.
        symlink(victim, folder + "/.annotations.json.\(getpid()).tmp")
        var annotations = starred("a")
        try annotations.save(folder: folder)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(Annotations.load(folder: folder).annotations["a"].starred)
        let lockFolder = try self.folder()
        defer { try? FileManager.default.removeItem(atPath: lockFolder) }
        symlink(victim, lockFolder + "/annotations.json.lock")
        var other = starred("b")
        #expect(throws: AtomicFile.WriteError.self) { try other.save(folder: lockFolder) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    }

    @Test func aHeldLockIsWaitedForWithAMessageAndNotForEver() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let holder = open(folder + "/annotations.json.lock", O_RDWR | O_CREAT, 0o600)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        var annotations = starred("a")
        var told = 0
        #expect(throws: AtomicFile.WriteError.self) { try annotations.save(folder: folder, lockWait: 0.2) { told += 1 } }
        #expect(told == 1)
        #expect(annotations.pending.count == 1)
        flock(holder, LOCK_UN)
        try annotations.save(folder: folder, lockWait: 0.2)
        #expect(annotations.pending.isEmpty)
    }
}
