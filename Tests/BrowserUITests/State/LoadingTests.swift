import Foundation
import Testing
@testable import BrowserUI
@testable import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// A large library shown before it is all read: parts appear on the tick,
/// the status row counts them, a search waits for the reader's index.
@Suite struct LoadingTests {
    @Test func partsAppearOnTheTickAndASearchWaitsForTheWholeIndex() throws {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 300)
        let first = Array(all.prefix(105)), rest = Array(all.dropFirst(105))
        let mailbox = RecordsInBackground(total: all.count - 5)
        let release = DispatchSemaphore(value: 0)
        let index = IndexInBackground {
            release.wait()
            return SearchIndex(records: all)
        }
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30), index: index)
        state.loading = mailbox
        #expect(state.listing(in: .papers).count == first.filter { $0.kind == .paper }.count)
        // A query typed now waits: the index is the one over everything.
        for key in [.character("/")] + "participation".map(KeyPress.character) { state.handle(key) }
        #expect(state.waitsForIndex)

        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.prefix(100)), addedDays: ["2026-11-28"]))
        let appeared = state.tick()
        #expect(appeared && state.records.count == 205)
        #expect(state.message == "reading your library: 205 records so far…")
        #expect(state.addedDays[rest[0].id] == "2026-11-28" && state.libraryRecordIDs.isSuperset(of: rest.prefix(100).map(\.id)))
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.dropFirst(100))))
        mailbox.finish()
        _ = state.tick()
        #expect(state.records.count == all.count && state.loading == nil)
        #expect(state.message == "read your library: 305 records")
        #expect(state.waitsForIndex)
        release.signal()
        while !state.searchIndex.isReady { usleep(1_000) }
        let searched = state.tick()
        #expect(searched && !state.waitsForIndex)
        let hits = try #require(state.filters[.papers]?.hits)
        #expect(!hits.isEmpty && hits.contains { $0 >= 105 })
    }

    /// `*` pressed before the rest of the library is read: starred records
    /// read after it are listed as they come, not only at the next key.
    @Test func theStarredViewListsStarredRecordsReadAfterItWasTurnedOn() throws {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 60)
        let first = Array(all.prefix(10)), rest = Array(all.dropFirst(10))
        let early = try #require(first.first { $0.kind == .paper }), late = try #require(rest.last { $0.kind == .paper })
        let mailbox = RecordsInBackground(total: all.count)
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30))
        state.loading = mailbox
        state.annotations.apply(.star(early.id, true))
        state.annotations.apply(.star(late.id, true))
        state.handle(.character("*"))
        #expect(state.listing(in: .papers).map { state.records[$0].id } == [early.id])
        mailbox.deliver(RecordsInBackground.Part(records: rest))
        mailbox.finish()
        _ = state.tick()
        #expect(state.listing(in: .papers).map { state.records[$0].id } == [early.id, late.id])
        state.handle(.character("j"))
        #expect(state.listing(in: .papers).map { state.records[$0].id } == [early.id, late.id])
        #expect(state.selectedRecord?.id == late.id)
    }

    /// `S` on a long list while a library is read: sorted once it is all
    /// read, not anew at every part (by a thread holding the records each
    /// part is appended to).
    @Test func aLongListSortedWhileALibraryIsReadIsSortedOnceItIsRead() throws {
        var papers = SyntheticLibrary.records(count: SortedListing.backgroundThreshold + 600)
        for index in papers.indices { papers[index].kind = .paper }
        let first = Array(papers.prefix(SortedListing.backgroundThreshold + 100)), rest = Array(papers.dropFirst(first.count))
        let mailbox = RecordsInBackground(total: papers.count)
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30))
        state.loading = mailbox
        state.handle(.character("S"))
        let sort = try #require(state.sorts[.papers])
        #expect(state.sortsInBackground.isEmpty && state.sortWaits(in: .papers))
        #expect(state.message == AppState.sortWaitsMessage)
        #expect(state.listing(in: .papers) == Array(first.indices))
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.prefix(200))))
        _ = state.tick()
        #expect(state.sortsInBackground.isEmpty && state.listing(in: .papers).count == first.count + 200)
        #expect(FrameComposer.compose(state).rowText(29).contains("sorting: \(sort.label)…"))
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.dropFirst(200))))
        mailbox.finish()
        _ = state.tick()
        let running = try #require(state.sortsInBackground[.papers])
        #expect(!state.sortWaits(in: .papers))
        while !running.hasEnded { usleep(1_000) }
        let sorted = state.tick()
        #expect(sorted && state.sortsInBackground.isEmpty)
        #expect(state.listing(in: .papers) == SortedListing(sort, Array(papers.indices), records: papers, added: [:]).listing)
    }

    @Test func aReaderThatFailsSaysSoAndKeepsWhatItRead() throws {
        let mailbox = RecordsInBackground(total: 10)
        var state = AppState(records: Library.builtIn().records, ladder: nil, now: Fixture.now, size: (100, 30))
        state.loading = mailbox
        mailbox.deliver(RecordsInBackground.Part(records: SyntheticLibrary.records(count: 3)))
        mailbox.finish(failure: "library.sqlite: a record cannot be read")
        _ = state.tick()
        #expect(state.records.count == 8)
        #expect(state.message == "your library was read only in part: ! says why")
        #expect(state.messageLog.last == "library.sqlite: a record cannot be read")
    }

    /// A large file read after the first screen: the list says it is being
    /// read, its records come in one part (taken whole), and its warnings
    /// are there for `!` once it is read.
    @Test func aFileReadAfterTheFirstScreenListsItsRecordsAndWarnings() throws {
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        #expect(FrameComposer.compose(state).snapshot().contains(" Reading big.bib…"))
        // Records made and not yet delivered are counted in the status row.
        mailbox.progress.add(2_000)
        let counted = state.tick()
        #expect(counted && state.message == "reading big.bib: 2 000 records so far…")
        let again = state.tick()
        #expect(!again)
        let records = SyntheticLibrary.records(count: 40)
        mailbox.deliver(RecordsInBackground.Part(records: records))
        mailbox.finish(warnings: ["big.bib:12: an entry without a key", "big.bib:40: a field without a value"])
        _ = state.tick()
        #expect(state.records == records && state.loading == nil)
        #expect(state.listing(in: .papers).count == records.filter { $0.kind == .paper }.count)
        #expect(state.message == "read big.bib: 40 records, 2 warnings — ! shows them")
        #expect(state.messageLog.suffix(2) == ["big.bib:12: an entry without a key", "big.bib:40: a field without a value"])
        // A file's records are not the user's to remove.
        state.handle(.character("D"))
        #expect(state.libraryRecordIDs.isEmpty && state.removedIndices.isEmpty)
        #expect(state.message?.hasSuffix("is in a file being browsed: import it to change it") == true)
    }

    /// A large file's first records listed as they are made, then all of
    /// them, read, in their place: the same records, so the list stays
    /// where it was, and held once (the copies listed meanwhile let go of).
    @Test func aFilesFirstRecordsAreListedAsTheyAreMadeThenAllOfThemInTheirPlace() throws {
        let all = SyntheticLibrary.records(count: 300)
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        mailbox.deliver(RecordsInBackground.Part(records: Array(all.prefix(100))))
        mailbox.deliver(RecordsInBackground.Part(records: Array(all[100..<200])))
        _ = state.tick()
        #expect(state.records == Array(all.prefix(200)) && state.message == "reading big.bib: 200 records so far…")
        for _ in 0..<3 { state.handle(.character("j")) }
        let selected = try #require(state.selectedRecord)
        // Not given to the placements yet (they would hold them a third time): placed as given.
        #expect(state.placements.progress.of == 0)
        let early = state.placements.summary(of: 150, record: state.records[150])

        mailbox.deliver(RecordsInBackground.Part(records: all, replacing: 200))
        mailbox.finish()
        _ = state.tick()
        #expect(state.records == all && state.loading == nil && state.message == "read big.bib: 300 records")
        #expect(state.records.withUnsafeBufferPointer(\.baseAddress) == all.withUnsafeBufferPointer(\.baseAddress))
        #expect(state.kindPositions == all.map { UInt8($0.kind.position) })
        for tab in [Tab.papers, .events, .transcripts] {
            #expect(state.listing(in: tab) == all.indices.filter { Tab.listing(all[$0].kind) == tab })
        }
        #expect(state.selectedRecord == selected)
        let placements = PlacementCache(records: all)
        #expect(state.placements.summary(of: 150) == early && state.placements.summary(of: 299) == placements.summary(of: 299))
    }

    /// The Ladder tab opened while a file is read: its records are placed
    /// once it is all read (the thread asked to place them found none
    /// to place before, and ended).
    @Test func recordsOfAFileReadWhileTheLadderShowsArePlacedOnceItIsRead() throws {
        let all = SyntheticLibrary.records(count: 300)
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: LadderModel.builtIn(), now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        state.handle(.character("4"))
        mailbox.deliver(RecordsInBackground.Part(records: Array(all.prefix(100))))
        _ = state.tick()
        #expect(state.tab == .ladder && state.placingProgress == (0, 100))
        mailbox.deliver(RecordsInBackground.Part(records: all, replacing: 100))
        mailbox.finish()
        let start = ContinuousClock.now
        while !state.placements.isComplete || state.loading != nil, ContinuousClock.now - start < .seconds(20) {
            _ = state.tick()
            usleep(2_000)
        }
        #expect(state.placingProgress == (300, 300))
    }

    /// A `stage:` search typed while a file is read waits for its records
    /// to be read and placed (not placed one by one on the tick), then runs.
    @Test func aSearchOfPlacesWhileAFileIsReadWaitsForItsRecordsPlaced() throws {
        let all = SyntheticLibrary.records(count: 300)
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: LadderModel.builtIn(), now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        state.searchIndex.fulfil(SearchIndex(records: all))
        mailbox.deliver(RecordsInBackground.Part(records: Array(all.prefix(100))))
        _ = state.tick()
        for key in [.character("/")] + "stage:with".map(KeyPress.character) + [.enter] as [KeyPress] { state.handle(key) }
        _ = state.tick()
        #expect(state.waitsForPlacements && state.placements.summaryIfAnalysed(of: 0) == nil)
        #expect(state.waitingLabel == "placing 0 of 100…")
        mailbox.deliver(RecordsInBackground.Part(records: all, replacing: 100))
        mailbox.finish()
        let start = ContinuousClock.now
        while state.waitsForPlacements, ContinuousClock.now - start < .seconds(20) {
            _ = state.tick()
            usleep(2_000)
        }
        let placed = all.indices.filter { PlacementEngine.builtIn.summary(of: all[$0]).suggestion.stage == "Doing with" }
        #expect(!placed.isEmpty && state.listing(in: .papers) == placed.filter { Tab.listing(all[$0].kind) == .papers })
    }

    /// `q` while a file is read asks "quit? y/n", and the question stays
    /// while records come and once the file is read (the count replaced it
    /// on the next tick, so that nobody knew the next key answered it).
    @Test func theQuitQuestionStaysWhileAFileIsRead() {
        let all = SyntheticLibrary.records(count: 300)
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        mailbox.deliver(RecordsInBackground.Part(records: Array(all.prefix(100))))
        _ = state.tick()
        state.handle(.character("q"))
        #expect(state.message == "quit? y/n (Q quits at once)")
        mailbox.deliver(RecordsInBackground.Part(records: Array(all[100..<200])))
        mailbox.progress.add(250)
        _ = state.tick()
        #expect(state.records.count == 200 && state.message == "quit? y/n (Q quits at once)")
        mailbox.deliver(RecordsInBackground.Part(records: all, replacing: 200))
        mailbox.finish()
        _ = state.tick()
        #expect(state.loading == nil && state.message == "quit? y/n (Q quits at once)")
        #expect(state.messageLog.last == "read big.bib: 300 records")
        state.handle(.character("y"))
        #expect(state.shouldQuit)
    }

    /// A key held down (one every 2 ms) does not hold back the tick: the
    /// records read meanwhile are listed within a few ticks.
    @Test func recordsAreListedWhileKeysKeepComing() {
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        let records = SyntheticLibrary.records(count: 40)
        mailbox.deliver(RecordsInBackground.Part(records: records))
        mailbox.finish()
        let keys = HeldKey(.character("j"), size: (100, 30))
        let driver = AppDriver(state: state, backend: keys)
        let start = ContinuousClock.now
        driver.run(pollMilliseconds: 20) { driver.state.loading == nil || ContinuousClock.now - start > .seconds(10) }
        #expect(driver.state.records == records && driver.state.loading == nil)
        #expect(keys.read > 1)
    }

    /// Records are listed by the tab of their kind in the library's order,
    /// notes among papers, whichever part they came in.
    @Test func partsAreListedByKindInOrder() {
        let kinds: [RecordKind] = [.paper, .note, .event, .paper, .transcript, .note, .note, .paper, .event]
        var records = SyntheticLibrary.records(count: kinds.count * 2)
        for index in records.indices { records[index].kind = kinds[index % kinds.count] }
        #expect(RecordKind.allCases.allSatisfy { RecordKind.allCases[$0.position] == $0 })
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: Array(records.prefix(4)), ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        mailbox.deliver(RecordsInBackground.Part(records: Array(records[4..<11])))
        mailbox.deliver(RecordsInBackground.Part(records: Array(records.dropFirst(11))))
        mailbox.finish()
        _ = state.tick()
        for tab in [Tab.papers, .events, .transcripts] {
            #expect(state.listing(in: tab) == records.indices.filter { Tab.listing(records[$0].kind) == tab })
        }
        #expect(state.kindPositions == records.map { UInt8($0.kind.position) })
    }

    @Test func aFileThatCannotBeReadSaysSo() {
        let mailbox = RecordsInBackground(readingFiles: "big.bib")
        var state = AppState(records: [], ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground())
        state.loading = mailbox
        mailbox.finish(failure: "big.bib: file cannot be read")
        _ = state.tick()
        #expect(state.message == "big.bib was not read: ! says why")
        #expect(state.messageLog.last == "big.bib: file cannot be read")
    }

    @Test func numbersAreGroupedByThousands() {
        #expect(AppState.grouped(100000) == "100 000" && AppState.grouped(999) == "999" && AppState.grouped(1234567) == "1 234 567")
    }

    /// An index kept from the last start comes before the records: a search
    /// runs at once, lists its hits among the records read so far, and more
    /// as they come; a phrase within a field waits for them all.
    @Test func aKeptIndexAnswersBeforeTheRecordsComeAndListsThemAsTheyDo() throws {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 300)
        let first = Array(all.prefix(105)), rest = Array(all.dropFirst(105))
        let mailbox = RecordsInBackground(total: all.count - 5)
        let kept = SearchIndex(records: all).with(records: [])
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground(index: kept))
        state.loading = mailbox
        for key in [.character("/")] + "participation".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(!state.waitsForIndex && state.prompt == nil)
        let listedFirst = try #require(state.filters[.papers]?.hits)
        #expect(!listedFirst.isEmpty && listedFirst.allSatisfy { $0 < first.count })

        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.prefix(150))))
        _ = state.tick()
        let listedMore = try #require(state.filters[.papers]?.hits)
        #expect(listedMore.count > listedFirst.count && listedMore.contains { $0 >= first.count })
        // A record read later is shown in the detail pane, its place on the ladder with it.
        state.currentList.selected = try #require(listedMore.firstIndex { $0 >= first.count })
        #expect(FrameComposer.compose(state).snapshot().contains("Ladder     "))

        for key in [.character("/"), .control("u")] + "title:\"public services\"".map(KeyPress.character) { state.handle(key) }
        let waits = state.waitsForIndex
        #expect(waits)
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.dropFirst(150))))
        mailbox.finish()
        _ = state.tick()
        let (waitsAfter, given) = (state.waitsForIndex, state.searchIndex.index.records.count)
        #expect(!waitsAfter && given == all.count)
        let everyHit = SearchIndex(records: all).search(try SearchQuery.parse("title:\"public services\"")).hits
        #expect(try #require(state.filters[.papers]?.hits).count == everyHit.filter { all[$0.record].kind == .paper }.count)
    }

    /// A search of two words sent before the records are read is ordered
    /// by proximity, which reads them, once they all are: as the same
    /// search over the whole library.
    @Test func proximityOrdersAKeptIndexsHitsOnceTheRecordsAreRead() throws {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 300)
        let first = Array(all.prefix(105)), rest = Array(all.dropFirst(105))
        let mailbox = RecordsInBackground(total: all.count - 5)
        let whole = SearchIndex(records: all)
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground(index: whole.with(records: [])))
        state.loading = mailbox
        for key in [.character("/")] + "public services".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.filters[.papers]?.results?.awaitsProximity == true)
        mailbox.deliver(RecordsInBackground.Part(records: rest))
        mailbox.finish()
        _ = state.tick()
        let expected = whole.search(try SearchQuery.parse("public services"), ranked: .max).hits.map(\.record).filter { all[$0].kind == .paper }
        let listed = try #require(state.filters[.papers]?.hits)
        #expect(state.filters[.papers]?.results?.awaitsProximity == false)
        #expect(listed.prefix(Proximity.window) == expected.prefix(Proximity.window))
        // Without the rule the order differs: the test is not idle.
        var withoutProximity = whole.with(records: []).search(try SearchQuery.parse("public services"), ranked: .max)
        withoutProximity.rankMore(upTo: .max)
        #expect(withoutProximity.hits.map(\.record).filter { all[$0].kind == .paper }.prefix(Proximity.window) != expected.prefix(Proximity.window))
    }

    /// The built-in records and 300 generated ones, the first 105 shown at
    /// once and the rest read later, all indexed.
    private func readingInParts() -> (all: [Record], first: [Record], rest: [Record], state: AppState, mailbox: RecordsInBackground) {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 300)
        let first = Array(all.prefix(105)), rest = Array(all.dropFirst(105))
        let mailbox = RecordsInBackground(total: all.count - 5)
        var state = AppState(records: first, ladder: nil, now: Fixture.now, size: (100, 30), index: IndexInBackground(index: SearchIndex(records: all)))
        state.loading = mailbox
        return (all, first, rest, state, mailbox)
    }

    /// A search of state words alone (`tag:`) admits the records read later too.
    @Test func aSearchOfStateWordsTakesInTheRecordsReadLater() throws {
        var (_, first, rest, state, mailbox) = readingInParts()
        state.annotations = Annotations(byRecord: [first[60].id: Annotation(tags: ["care"]), rest[10].id: Annotation(tags: ["care"])])
        for key in [.character("/")] + "tag:care".map(KeyPress.character) + [.enter] { state.handle(key) }
        #expect(state.filters[.papers]?.hits == [60])
        mailbox.deliver(RecordsInBackground.Part(records: rest))
        mailbox.finish()
        _ = state.tick()
        #expect(state.filters[.papers]?.hits == [60, 115])
    }

    /// Room for the whole library is made once: the parts after the first
    /// are appended where the records are, not copied with them elsewhere.
    @Test func partsAreAppendedWithoutMovingTheRecordsReadBefore() {
        let all = Library.builtIn().records + SyntheticLibrary.records(count: 400)
        let mailbox = RecordsInBackground(total: all.count - 5)
        var state = AppState(records: Array(all.prefix(105)), ladder: nil, now: Fixture.now, size: (100, 30))
        state.loading = mailbox
        var addresses: [UnsafeRawPointer?] = []
        for start in stride(from: 105, to: all.count, by: 50) {
            mailbox.deliver(RecordsInBackground.Part(records: Array(all[start..<min(all.count, start + 50)])))
            state.takeLoadedRecords()
            addresses.append(state.records.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) })
        }
        #expect(state.records.map(\.id) == all.map(\.id))
        #expect(Set(addresses).count == 1)
        #expect(state.libraryRecordIDs.count == 300) // those read after the first part
    }

    /// Each part's records are admitted as they come, not every record
    /// again; a search of state words on another thread admitted among the
    /// records read when it was typed, and those that came before its hits
    /// did are admitted with the next part.
    @Test func aSearchOfStateWordsAdmitsEachPartOnce() throws {
        var (all, _, rest, state, mailbox) = readingInParts()
        state.searchesInBackgroundFrom = 1
        let tagged = [60, 115, 150, 230, 299]
        state.annotations = Annotations(byRecord: Dictionary(uniqueKeysWithValues: tagged.map { (all[$0].id, Annotation(tags: ["care"])) }))
        for key in [.character("/")] + "tag:care".map(KeyPress.character) + [.enter] { state.handle(key) }
        // A part comes before the hits do: they are of the 105 records read when the search was typed.
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest[0..<50])))
        state.takeLoadedRecords()
        while !state.takeSearchHits() { usleep(1_000) }
        #expect(state.filters[.papers]?.hits == [60])
        // The next part: the records of the one before are admitted with it.
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest[50..<100])))
        state.takeLoadedRecords()
        #expect(state.filters[.papers]?.hits == [60, 115, 150])
        #expect(state.filters[.papers]?.admittedAmong == 205)
        mailbox.deliver(RecordsInBackground.Part(records: Array(rest.dropFirst(100))))
        mailbox.finish()
        _ = state.tick()
        #expect(state.filters[.papers]?.hits == [60, 115, 150, 230, 299])
        #expect(state.filters[.papers]?.admittedAmong == all.count)
    }
}

/// A terminal whose user holds a key down: it comes every 2 ms.
private final class HeldKey: TerminalBackend {
    let size: (width: Int, height: Int)
    private let key: KeyPress
    private(set) var read = 0

    init(_ key: KeyPress, size: (width: Int, height: Int)) {
        self.key = key
        self.size = size
    }

    func present(_ grid: CellGrid) {}

    func readKey(timeoutMilliseconds: Int) -> KeyPress? {
        usleep(2_000)
        read += 1
        return key
    }
}

/// Records found by id: at once for a few, on another thread for many,
/// the starred view filling in when they are all indexed.
@Suite struct RecordPositionsTests {
    @Test func manyRecordsAreIndexedOnAnotherThreadTheFirstOfTwoWithOneIDWinning() async throws {
        var records = SyntheticLibrary.records(count: RecordPositions.backgroundThreshold + 500)
        records.append(records[7])
        let positions = RecordPositions()
        let last = records[records.count - 2].id
        #expect(positions.positions(of: [String](), in: records) == ([:], true))
        #expect(positions.indexed == 0)
        let first = positions.positions(of: [last, records[7].id], in: records)
        #expect(!first.complete)
        while !positions.takeBuilt() { try await Task.sleep(nanoseconds: 1_000_000) }
        #expect(!positions.takeBuilt())
        let found = positions.positions(of: [last, records[7].id, "no such id"], in: records)
        #expect(found.complete && found.found == [last: records.count - 2, records[7].id: 7])
        #expect(positions.indexed == records.count)
        // A few more are indexed at once.
        let more = records + Library.builtIn().records
        #expect(positions.positions(of: [more[more.count - 1].id], in: more) == ([more[more.count - 1].id: more.count - 1], true))
        #expect(!positions.takeBuilt())
    }

    @Test func theStarredViewOfALargeLibraryFillsInOnTheTick() async throws {
        let records = Library.builtIn().records + SyntheticLibrary.records(count: RecordPositions.backgroundThreshold + 500)
        let late = try #require(records.last { $0.kind == .paper })
        var state = AppState(records: records, ladder: nil, now: Fixture.now, size: (100, 30))
        state.annotations.apply(.star(late.id, true))
        state.handle(.character("*"))
        #expect(state.message == AppState.findingStarredMessage)
        var ticked = false
        for _ in 0..<10_000 where !ticked {
            ticked = state.tick()
            if !ticked { try await Task.sleep(nanoseconds: 1_000_000) }
        }
        #expect(ticked && state.message == AppState.starredOnlyMessage)
        #expect(state.listing(in: .papers).map { state.records[$0].id } == [late.id])
        #expect(state.selectedRecord?.id == late.id)
    }
}
