/// What an importer that makes its records one at a time, in order (RIS,
/// CSL-JSON), does with them a store's worth at a time: keeps their long
/// texts together (`LongTextStore.keep`, which says why), then counts them
/// for the status row and hands them over to the browser, which lists them
/// while the rest is read (`ReadingProgress`). A file of fewer records than
/// a store keeps none.
struct RecordRuns {
    private let keepsLongTexts: Bool
    private let progress: ReadingProgress?
    private var doneUpTo = 0

    init(keepingLongTexts: Bool, progress: ReadingProgress?) {
        self.keepsLongTexts = keepingLongTexts
        self.progress = progress
    }

    /// After records are appended; `last`: none will be, the rest is done
    /// too (counted, and its texts kept when a run's were; not handed
    /// over: the whole file follows). `handingOver`: the records may be
    /// shown (false while the importer cannot yet tell that the file is
    /// its kind: they wait, and are done once it can).
    mutating func made(_ records: inout [Record], last: Bool = false, handingOver: Bool = true) {
        guard keepsLongTexts || progress != nil, handingOver || last else { return }
        while records.count - doneUpTo >= LongTextStore.recordsPerStore {
            let end = doneUpTo + LongTextStore.recordsPerStore
            if keepsLongTexts { records.withUnsafeMutableBufferPointer { LongTextStore.keep(UnsafeMutableBufferPointer(rebasing: $0[doneUpTo..<end])) } }
            progress?.add(end - doneUpTo)
            records.withUnsafeBufferPointer { progress?.offer(UnsafeBufferPointer(rebasing: $0[doneUpTo..<end])) }
            doneUpTo = end
        }
        guard last, records.count > doneUpTo else { return }
        if keepsLongTexts && doneUpTo > 0 {
            records.withUnsafeMutableBufferPointer { LongTextStore.keep(UnsafeMutableBufferPointer(rebasing: $0[doneUpTo...])) }
        }
        progress?.add(records.count - doneUpTo)
        doneUpTo = records.count
    }
}
