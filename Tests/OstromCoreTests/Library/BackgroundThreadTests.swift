import Foundation
import Testing
@testable import OstromCore

struct BackgroundThreadTests {
    /// The work runs on another thread, nicer than the caller's by
    /// `niceness` (at most 19), and the caller's own priority is unchanged.
    @Test func workRunsNicerThanTheCaller() {
        let callerNice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let caller = pthread_self()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var seen: (nice: Int32, elsewhere: Bool)?
        BackgroundThread.start(stackSize: 1 << 20) {
            seen = (getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), pthread_equal(pthread_self(), caller) == 0)
            done.signal()
        }
        done.wait()
        #expect(seen?.nice == min(19, callerNice + BackgroundThread.niceness))
        #expect(seen?.elsewhere == true)
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == callerNice)
    }
}
