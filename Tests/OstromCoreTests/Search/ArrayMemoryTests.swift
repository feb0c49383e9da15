import Testing
@testable import OstromCore

/// The memory of a search's hits is taken again by a later search once no
/// one holds them, and never while someone does.
@Suite struct ArrayMemoryTests {
    private func filled(_ memory: ArrayMemory<SearchHit>, count: Int, score: Float) -> [SearchHit] {
        var hits = memory.take(count: count)
        #expect(hits.isEmpty && hits.capacity >= count)
        hits.append(contentsOf: (0..<count).map { SearchHit(record: $0, score: score) })
        memory.keep(hits)
        return hits
    }

    private func address(_ hits: [SearchHit]) -> UnsafePointer<SearchHit>? {
        hits.withUnsafeBufferPointer(\.baseAddress)
    }

    /// Memory is made for a power of two of hits at least, so an array made
    /// for many hits (65 536) and taken again for fewer is told by its room.
    @Test func memoryNoOneHoldsIsTakenAgain() {
        let memory = ArrayMemory<SearchHit>(capacity: 3, newestIsHeld: true)
        var first: [SearchHit]? = filled(memory, count: 40_000, score: 1)
        #expect(first!.capacity >= 65_536)
        // Held by the caller (and the newest kept): not taken.
        let second = filled(memory, count: 20_000, score: 2)
        #expect(second.capacity < 65_536)
        #expect(first?.allSatisfy { $0.score == 1 } == true)
        first = nil
        // Free now, and no longer the newest: taken.
        let third = filled(memory, count: 20_000, score: 3)
        #expect(third.capacity >= 65_536)
        #expect(second.allSatisfy { $0.score == 2 } && third.allSatisfy { $0.score == 3 })
    }

    /// Past its budget of elements, the oldest arrays kept are let go.
    @Test func memoryPastTheBudgetIsLetGo() {
        let memory = ArrayMemory<SearchHit>(capacity: 10, newestIsHeld: false, budget: 140_000)
        // Three made at once (each held while the next is made), then kept.
        var made: [[SearchHit]] = []
        for _ in 0..<3 { made.append(memory.take(count: 40_000) + repeatElement(SearchHit(record: 0, score: 0), count: 40_000)) }
        made.forEach(memory.keep)
        made.removeAll()
        // Two kept (room for 65 536 each), the first let go: the third taken is made anew, for fewer.
        let taken = (0..<3).map { _ in memory.take(count: 20_000) }
        #expect(taken.map { $0.capacity >= 65_536 } == [true, true, false])
    }

    @Test func memorySomeoneHoldsIsLeftToThem() {
        let memory = ArrayMemory<SearchHit>(capacity: 3, newestIsHeld: true)
        let count = ArrayMemory<SearchHit>.smallest
        let held = filled(memory, count: count, score: 1)
        var later: [[SearchHit]] = []
        for score in 2...6 {
            later.append(filled(memory, count: count, score: Float(score)))
            #expect(!later.contains { address($0) == address(held) })
        }
        #expect(held.allSatisfy { $0.score == 1 })
        for (offset, hits) in later.enumerated() { #expect(hits.allSatisfy { $0.score == Float(offset + 2) }) }
        // Fewer hits than the smallest kept are taken from the heap, and never kept.
        let small = filled(memory, count: 10, score: 7)
        #expect(small.count == 10)
    }
}
