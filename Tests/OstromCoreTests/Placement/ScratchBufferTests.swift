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
}
