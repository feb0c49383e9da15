import Synchronization

/// A value worked out from some inputs, kept with them and worked out
/// again only when they change: for what rendering reads several times a
/// frame and a key changes now and then (arrays, sets and dictionaries
/// compare by identity first, so unchanged inputs cost almost nothing).
/// Shared by copies of the browser's state, so it is a locked class.
final class LastWorkedOut<Inputs: Equatable & Sendable, Value: Sendable>: Sendable {
    private let last: Mutex<(inputs: Inputs, value: Value)?> = Mutex(nil)

    func value(for inputs: Inputs, make: () -> Value) -> Value {
        if let last = last.withLock({ $0 }), last.inputs == inputs { return last.value }
        let value = make()
        last.withLock { $0 = (inputs, value) }
        return value
    }
}
