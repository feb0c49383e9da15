/// Placing every record on the ladder runs on another thread (45 s for
/// 100 000 records on this machine): the Ladder tab opens at once and fills
/// in, the status row counting; a `stage:` search waits for it, saying so.
extension AppState {
    /// Whether every record is placed: never while a file is read, whose
    /// records are given to the placements once it is all read.
    var everyRecordPlaced: Bool {
        placements.isComplete && loading?.isLibrary != false
    }

    /// How many records are placed, of how many listed.
    var placingProgress: (analysed: Int, of: Int) {
        let (analysed, total) = placements.progress
        return (analysed, max(total, records.count))
    }

    /// What the prompt says while a query waits.
    var waitingLabel: String {
        guard waitsForPlacements else { return "indexing…" }
        let (analysed, total) = placingProgress
        return "placing \(Self.grouped(analysed)) of \(Self.grouped(total))…"
    }

    /// On the tick, while the Ladder tab (or a query waiting for places)
    /// shows: redraws when more records are placed, the count in the status
    /// row until all are; true when the screen should be drawn again.
    mutating func showPlacingProgress() -> Bool {
        guard tab == .ladder || waitsForPlacements else { return false }
        let (analysed, total) = placingProgress
        // (A key clears the message: the count comes back on the next tick.)
        guard analysed != placedShown || (tab == .ladder && analysed < total && message == nil) else { return false }
        let wasCounting = placedShown.map { $0 < total } ?? false
        placedShown = analysed
        if tab == .ladder && analysed < total {
            message = "placing records on the ladder: \(Self.grouped(analysed)) of \(Self.grouped(total))…"
        } else if tab == .ladder && wasCounting {
            message = "placed \(Self.grouped(total)) records on the ladder"
        }
        return true
    }
}
