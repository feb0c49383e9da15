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
        guard let export = runningExport, let outcome = export.outcome else { return false }
        runningExport = nil
        let path = RawPath.display(export.path)
        switch outcome {
        case .written:
            message = "exported \(export.count) record\(export.count == 1 ? "" : "s") as \(export.format.rawValue) to \(path)"
        case .failed(let reason):
            // The reason first: a long path is cut at the row's end.
            message = "not exported: \(reason) (\(path))"
        case .cancelled:
            message = "export cancelled; nothing written"
        }
        return true
    }
}
