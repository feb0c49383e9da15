import Testing
@testable import OstromCore

/// The placement engine's per-sentence buffers: grown past their
/// capacity, refilled shorter and longer, and cut back, they hold what
/// was written.
@Suite struct ScratchBufferTests {
    @Test func appendsPastTheCapacityKeepEveryElement() {
        var buffer = ScratchBuffer<Int32>(capacity: 2)
        for value in 0..<1_000 { buffer.append(Int32(value)) }
        #expect(buffer.count == 1_000)
        #expect((0..<1_000).allSatisfy { buffer[$0] == Int32($0) })
        buffer.removeAll()
        #expect(buffer.count == 0)
        buffer.append(-1)
        #expect(buffer.count == 1 && buffer[0] == -1)
    }

    @Test func refillsOfAnyLengthHoldOnlyTheValue() {
        var buffer = ScratchBuffer<UInt16>(capacity: 4)
        for value in 0..<3 { buffer.append(UInt16(value + 7)) }
        buffer.refill(0, count: 2)
        #expect(buffer.count == 2 && buffer[0] == 0 && buffer[1] == 0)
        buffer.refill(5, count: 100)
        #expect(buffer.count == 100)
        #expect((0..<100).allSatisfy { buffer[$0] == 5 })
        buffer[42] = 9
        buffer.refill(1, count: 50)
        #expect((0..<50).allSatisfy { buffer[$0] == 1 })
    }

    /// Elements that hold references (a sentence's matches hold ranges,
    /// a rule's parts arrays) are let go when emptied, refilled and freed.
    @Test func heldElementsAreLetGoWhenEmptiedRefilledOrFreed() {
        final class Held { nonisolated(unsafe) static var alive = 0; init() { Self.alive += 1 }; deinit { Self.alive -= 1 } }
        do {
            var buffer = ScratchBuffer<Held?>(capacity: 2)
            for _ in 0..<10 { buffer.append(Held()) }
            #expect(Held.alive == 10)
            buffer.removeAll()
            #expect(Held.alive == 0)
            buffer.refill(Held(), count: 5)
            #expect(Held.alive == 1 && buffer.count == 5)
            buffer.refill(nil, count: 3)
            #expect(Held.alive == 0)
            buffer.append(Held())
        }
        #expect(Held.alive == 0)
    }
}
