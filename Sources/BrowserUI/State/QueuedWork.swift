import Foundation
import Synchronization

/// Work done on a serial queue, in the order asked for: given up before
/// its turn, it never runs; given up while it runs, it ends unseen (its
/// value is not kept). The browser's long sorts and large searches.
final class QueuedWork<Value: Sendable>: Sendable {
    private let state = Mutex<(givenUp: Bool, ended: Bool, value: Value?)>((false, false, nil))

    init(on queue: DispatchQueue, _ work: @escaping @Sendable () -> Value) {
        queue.async { [self] in
            let value = state.withLock { !$0.givenUp } ? work() : nil
            state.withLock { state in
                state.ended = true
                if !state.givenUp { state.value = value }
            }
        }
    }

    /// What it made, once it has (and was not given up).
    var value: Value? { state.withLock { $0.value } }

    /// Whether it has run, or been passed over.
    var hasEnded: Bool { state.withLock { $0.ended } }

    func giveUp() {
        state.withLock { $0.givenUp = true }
    }
}
