import TerminalCanvas

/// The loop: draw a frame, read a key, turn it into an action, change the
/// state, run the effects it asked for; until the state says quit or
/// `shouldStop` (a signal) says so.
public final class AppDriver {
    public private(set) var state: AppState
    private let backend: TerminalBackend
    /// Runs an effect (saving state, copying, editing a note).
    private let runEffect: (Effect) -> EffectOutcome

    public init(state: AppState, backend: TerminalBackend, runEffect: @escaping (Effect) -> EffectOutcome = { _ in .done }) {
        self.state = state
        self.backend = backend
        self.runEffect = runEffect
    }

    /// Runs until quit. The state ticks every `pollMilliseconds` (work
    /// running elsewhere shows its progress, a library read meanwhile is
    /// listed), however fast keys come: a key held down does not hold the
    /// tick back. `shouldStop` is polled between keys and at every tick,
    /// so a signal ends the loop in an orderly way.
    public func run(pollMilliseconds: Int = 100, shouldStop: () -> Bool = { false }) {
        state.size = backend.size
        runEffects()
        backend.present(FrameComposer.compose(state))
        let clock = ContinuousClock()
        let period = Duration.milliseconds(pollMilliseconds)
        var nextTick = clock.now + period
        while !state.shouldQuit && !shouldStop() {
            var wait = max(0, Int(((nextTick - clock.now) / .milliseconds(1)).rounded(.up)))
            // A search on another thread is looked for every few milliseconds, its hits shown at once.
            if state.searchInBackground != nil { wait = min(wait, Self.searchPollMilliseconds) }
            if let key = backend.readKey(timeoutMilliseconds: wait) { step(key) }
            if state.takeSearchHits() { backend.present(FrameComposer.compose(state)) }
            guard clock.now >= nextTick, !state.shouldQuit else { continue }
            if state.tick() { backend.present(FrameComposer.compose(state)) }
            nextTick = clock.now + period
        }
    }

    static let searchPollMilliseconds = 4

    /// An interrupt (Ctrl-C) while a search or an export runs: it stops
    /// and the screen shows it. Returns false when there was nothing to
    /// cancel.
    public func interruptRunningWork() -> Bool {
        guard state.hasRunningWork else { return false }
        state.cancelRunningWork()
        backend.present(FrameComposer.compose(state))
        return true
    }

    /// Runs until the queued keys are used up (for headless tests).
    public func runUntilIdle() {
        state.size = backend.size
        runEffects()
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
        runEffects()
        if !state.shouldQuit { backend.present(FrameComposer.compose(state)) }
    }

    /// The effects the state asked for (some before the first frame: the
    /// theme a run remembered); an outcome may ask for more (an edited
    /// note is saved).
    private func runEffects() {
        var effects = state.takeEffects()
        while !effects.isEmpty {
            for effect in effects { state.receive(runEffect(effect)) }
            effects = state.takeEffects()
        }
    }
}
