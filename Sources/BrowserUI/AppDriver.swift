import TerminalCanvas

/// The loop: draw a frame, read a key, turn it into an action, change the
/// state; until the state says quit or `shouldStop` (a signal) says so.
public final class AppDriver {
    public private(set) var state: AppState
    private let backend: TerminalBackend

    public init(state: AppState, backend: TerminalBackend) {
        self.state = state
        self.backend = backend
    }

    /// Runs until quit. `shouldStop` is polled between keys (every
    /// `pollMilliseconds`), so a signal ends the loop in an orderly way.
    public func run(pollMilliseconds: Int = 100, shouldStop: () -> Bool = { false }) {
        state.size = backend.size
        backend.present(FrameComposer.compose(state))
        while !state.shouldQuit && !shouldStop() {
            guard let key = backend.readKey(timeoutMilliseconds: pollMilliseconds) else { continue }
            step(key)
        }
    }

    /// Runs until the queued keys are used up (for headless tests).
    public func runUntilIdle() {
        state.size = backend.size
        backend.present(FrameComposer.compose(state))
        while !state.shouldQuit, let key = backend.readKey(timeoutMilliseconds: 0) {
            step(key)
        }
    }

    /// One key: a resize re-reads the size; the state changes; a frame is
    /// drawn unless the app is quitting.
    private func step(_ key: KeyPress) {
        if key == .resize { state.size = backend.size }
        state.handle(key)
        if !state.shouldQuit { backend.present(FrameComposer.compose(state)) }
    }
}
