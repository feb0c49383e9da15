import Foundation

/// Work the screen does not wait on to be drawn (reading a library,
/// building an index or the placement engine, placing, exporting,
/// counting a text's lines, finding in it), on a thread of its own whose
/// priority is lower than the UI's: when both want a core, the UI has the
/// larger share, and a frame or a key is held up less; alone, the work
/// runs at full speed.
/// On two cores, reading a large file and building the placement engine
/// took the browser's first screen up to a millisecond (median).
///
/// Linux keeps a nice value per thread, and `setpriority` of process 0
/// sets the calling thread's. Nice 5, weighed 1 to 3 against the UI, did
/// as well for the first screen as nice 10 (1 to 9), which left work
/// waiting long behind other programs of the same login or terminal
/// session (a test's index, behind the other tests).
public enum BackgroundThread {
    /// How much nicer than the UI.
    static let niceness: Int32 = 5

    /// Starts `work` on a new thread, at the lower priority.
    public static func start(stackSize: Int? = nil, _ work: @escaping @Sendable () -> Void) {
        let thread = Thread {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            work()
        }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }
}
