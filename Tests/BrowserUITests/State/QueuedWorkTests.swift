import Foundation
import Testing
@testable import BrowserUI
import Synchronization

/// The one mechanism of the browser's long sorts and large searches.
@Suite struct QueuedWorkTests {
    @Test func workGivenUpBeforeItsTurnNeverRunsAndWhileItRunsEndsUnseen() {
        let queue = DispatchQueue(label: "ostrom.test.queued")
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let ran = Mutex(0)
        let running = QueuedWork(on: queue) {
            started.signal()
            release.wait()
            ran.withLock { $0 += 1 }
            return 1
        }
        let waiting = QueuedWork(on: queue) {
            ran.withLock { $0 += 10 }
            return 2
        }
        let kept = QueuedWork(on: queue) { 3 }
        started.wait()
        running.giveUp()
        waiting.giveUp()
        #expect(!running.hasEnded && running.value == nil)
        release.signal()
        queue.sync {}
        #expect(running.hasEnded && running.value == nil)
        #expect(waiting.hasEnded && waiting.value == nil)
        #expect(kept.hasEnded && kept.value == 3)
        #expect(ran.withLock { $0 } == 1)
    }
}
