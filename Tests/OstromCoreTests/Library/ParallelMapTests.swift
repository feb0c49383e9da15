import Foundation
import Testing
@testable import OstromCore

struct ParallelMapTests {
    /// Every element mapped once, each result in its element's place,
    /// on either side of the size that splits the work.
    @Test func everyResultIsInItsPlace() {
        for count in [0, 1, 2, 127, 128, 129, 1000, 4099] {
            let elements = Array(0..<count)
            let calls = Counter()
            let results = elements.parallelMap(minimumPerPart: 64) { element in
                calls.add()
                return element * 3 + 1
            }
            #expect(results == elements.map { $0 * 3 + 1 }, "\(count) elements")
            #expect(calls.value == count, "\(count) elements")
        }
    }

    /// A state is made once by each run and handed on from element to
    /// element of that run.
    @Test func eachRunMakesItsStateOnce() {
        for count in [0, 1, 200, 4099] {
            let made = Counter()
            let results = Array(0..<count).parallelMap(minimumPerPart: 64, making: { () -> [Int] in
                made.add()
                return []
            }) { seen, element in
                seen.append(element)
                // What this run has mapped so far ends with this element, after the ones before it.
                return seen.count > 1 ? seen[seen.count - 2] + 1 == element : true
            }
            #expect(results == Array(repeating: true, count: count), "\(count) elements")
            #expect(made.value >= 1 && made.value <= max(1, ProcessInfo.processInfo.activeProcessorCount), "\(count) elements: \(made.value)")
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }
}
