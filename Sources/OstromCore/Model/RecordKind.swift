/// What a record is: any publication is a paper; text no importer
/// recognises is kept as a note.
public enum RecordKind: String, CaseIterable, Sendable {
    case paper, event, transcript, note
}

extension RecordKind {
    /// Its place in `allCases`.
    public var position: Int {
        switch self {
        case .paper: 0
        case .event: 1
        case .transcript: 2
        case .note: 3
        }
    }
}
