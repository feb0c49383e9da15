/// What the app needs from a terminal: its size, showing a frame, and
/// reading keys. ncurses is one implementation; `HeadlessTerminal` another.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (the backend writes only what changed).
    func present(_ grid: CellGrid)
    /// The next key, or `nil` when none came within `timeoutMilliseconds`.
    func readKey(timeoutMilliseconds: Int) -> KeyPress?
}

/// A terminal in memory for tests: keys are queued, frames are kept.
public final class HeadlessTerminal: TerminalBackend {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [CellGrid] = []
    public private(set) var writtenRuns: [[FrameDiff.Run]] = []
    private var keys: [KeyPress]

    public init(width: Int, height: Int, keys: [KeyPress] = []) {
        size = (width, height)
        self.keys = keys
    }

    public var lastFrame: CellGrid? { frames.last }

    public func present(_ grid: CellGrid) {
        writtenRuns.append(FrameDiff.runs(from: frames.last, to: grid))
        frames.append(grid)
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyPress? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    public func enqueue(_ more: [KeyPress]) {
        keys += more
    }
}
