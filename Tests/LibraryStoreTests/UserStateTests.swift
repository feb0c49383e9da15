import Foundation
import Testing
@testable import LibraryStore
@testable import OstromCore

/// Stars, tags, notes, places, reading positions and the search history.
@Suite struct UserStateTests {
    @Test func annotationsAreSavedAndLoadedBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        var annotations = Annotations(byRecord: try store.annotations())
        annotations.apply(.star("tuurnas2016", true))
        annotations.apply(.note("nef2014", "Line one\n\"quoted\" \u{1B}"))
        annotations.apply(.tag("nef2014", "care", added: true))
        annotations.apply(.placement("body2021", PlacementChoice(stage: "Doing to", level: nil, principles: ["Peer support"])))
        annotations.apply(.placement("loeffler2020", PlacementChoice()))
        try store.save(&annotations)
        #expect(annotations.pending.isEmpty)
        let loaded = try LibraryStore(folder: folder, stateFolder: nil).annotations()
        #expect(loaded == annotations.byRecord)
        // "Not placed" set by the user is kept, apart from no placement.
        #expect(loaded["loeffler2020"]?.placement == PlacementChoice())
        #expect(loaded["tuurnas2016"]?.placement == nil)
    }

    /// Two instances, each with its own connection: each change is applied
    /// on top of what the other saved.
    @Test func twoInstancesMerge() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let one = try LibraryStore(folder: folder, stateFolder: nil)
        let two = try LibraryStore(folder: folder, stateFolder: nil)
        var first = Annotations(byRecord: try one.annotations())
        var second = Annotations(byRecord: try two.annotations())
        first.apply(.star("a", true))
        first.apply(.tag("b", "x", added: true))
        second.apply(.tag("b", "y", added: true))
        second.apply(.note("c", "mine"))
        try one.save(&first)
        try two.save(&second)
        let expected: [String: Annotation] = [
            "a": Annotation(starred: true), "b": Annotation(tags: ["x", "y"]), "c": Annotation(note: "mine"),
        ]
        #expect(second.byRecord == expected)
        first.apply(.star("a", false))
        try one.save(&first)
        #expect(first.byRecord == ["b": Annotation(tags: ["x", "y"]), "c": Annotation(note: "mine")])
    }

    /// While another instance holds a write, a save waits (saying so once)
    /// up to its limit, then fails with its changes still pending.
    @Test func aWriteHeldElsewhereIsWaitedForThenFailsKeepingTheChanges() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let holder = try LibraryStore(folder: folder, stateFolder: nil)
        var told = 0
        let waiting = try LibraryStore(folder: folder, stateFolder: nil, wait: 0.2) { told += 1 }
        try holder.database.execute("BEGIN IMMEDIATE")
        var annotations = Annotations()
        annotations.apply(.star("a", true))
        #expect { try waiting.save(&annotations) } throws: { ($0 as? DatabaseError)?.isBusy == true }
        #expect(told == 1)
        #expect(annotations.pending.count == 1)
        try holder.database.execute("COMMIT")
        try waiting.save(&annotations)
        #expect(try holder.annotations() == ["a": Annotation(starred: true)])
    }

    @Test func settingsAreSavedOverTheOldOnes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        try store.save(settings: ["tab": "events", "selected.events": "nowak2027"])
        try store.save(settings: ["tab": "papers"])
        #expect(try LibraryStore(folder: folder, stateFolder: nil).settings() == ["tab": "papers", "selected.events": "nowak2027"])
    }

    @Test func readingPositionsAndHistory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LibraryStore(folder: folder, stateFolder: nil)
        try store.save(ReadingPositions(offsets: ["record:nef2014": 120, "/a.txt": 5]))
        try store.save(ReadingPositions(offsets: ["/a.txt": 9]))
        #expect(try store.readingPositions() == ReadingPositions(offsets: ["record:nef2014": 120, "/a.txt": 9]))
        try store.addToSearchHistory(["a", "b"])
        try store.addToSearchHistory(["a"])
        #expect(try store.searchHistory().entries == ["b", "a"])
        try store.addToSearchHistory((0..<(SearchHistory.limit + 5)).map { "q\($0)" })
        let kept = try store.searchHistory().entries
        #expect(kept.count == SearchHistory.limit)
        #expect(kept.last == "q\(SearchHistory.limit + 4)")
    }
}
