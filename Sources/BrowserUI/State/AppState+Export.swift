import OstromCore

/// `:export` runs on its own thread (`BackgroundExport`): the status row
/// says so, keys work meanwhile, `Esc` or Ctrl-C cancel it, and the tick
/// reports how it ended.
extension AppState {
    /// The export still being written, for the program to finish when it
    /// quits.
    public var exportInProgress: BackgroundExport? { runningExport }

    /// Stops the running export before its file is put in place.
    mutating func cancelExport() {
        guard let runningExport else { return }
        runningExport.cancel()
        message = "cancelling the export…"
    }

    /// How a finished export ended, in the status row; true when it did.
    mutating func takeExportOutcome() -> Bool {
        guard let summary = runningExport?.summary else { return false }
        runningExport = nil
        message = summary
        return true
    }
}
