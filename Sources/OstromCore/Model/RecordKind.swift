/// What a record is: any publication is a paper; text no importer
/// recognises is kept as a note.
public enum RecordKind: String, CaseIterable, Sendable {
    case paper, event, transcript, note
}
