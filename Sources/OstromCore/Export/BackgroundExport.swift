import Foundation

/// An export made and written on a thread of its own, so that the browser
/// answers keys meanwhile: the document, then a new file (`NewFile`: synced,
/// then linked into place, never over an existing one). Cancelled before
/// the file is linked, it leaves nothing behind.
public final class BackgroundExport: @unchecked Sendable {
    public enum Outcome: Sendable, Equatable {
        case written
        case failed(reason: String)
        case cancelled
    }

    public let count: Int
    public let format: ExportFormat
    public let path: String
    private let lock = NSLock()
    private var cancelled = false
    private var finished: Outcome?
    private let done = DispatchSemaphore(value: 0)

    /// Starts at once, or once `gate` is signalled (a test cancelling it
    /// first, whatever the machine's load).
    public init(records: [Record], format: ExportFormat, path: String, now: LocalDateTime, startingWhen gate: DispatchSemaphore? = nil) {
        count = records.count
        self.format = format
        self.path = path
        let thread = Thread { [self] in
            gate?.wait()
            run(records, now: now)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// How it ended; nil while it runs.
    public var outcome: Outcome? { lock.withLock { finished } }

    /// How it ended, in words for the status row or stderr; nil while it runs.
    public var summary: String? {
        let path = RawPath.display(self.path)
        return outcome.map { outcome in
            switch outcome {
            case .written: "exported \(count) record\(count == 1 ? "" : "s") as \(format.rawValue) to \(path)"
            // The reason first: a long path is cut at the row's end.
            case .failed(let reason): "not exported: \(reason) (\(path))"
            case .cancelled: "export cancelled; nothing written"
            }
        }
    }

    /// Waits for the end (the program quitting while it runs).
    public func waitForOutcome() -> Outcome {
        done.wait()
        done.signal()
        return outcome ?? .cancelled
    }

    /// Stops it before the file is linked into place (the document being
    /// made is finished and thrown away).
    public func cancel() { lock.withLock { cancelled = true } }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    private func run(_ records: [Record], now: LocalDateTime) {
        let document = format.document(of: records, now: now)
        let outcome: Outcome
        do {
            try NewFile.write(document, to: path, unless: { self.isCancelled })
            outcome = .written
        } catch {
            outcome = isCancelled ? .cancelled : .failed(reason: error.reason)
        }
        lock.withLock { finished = outcome }
        done.signal()
    }
}
