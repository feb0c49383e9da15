/// The fields most records leave empty (a paper has no speakers, no event
/// times, rarely a translator or a note on its language), kept apart in
/// one copy-on-write box: a record without them holds no box, 8 bytes
/// where the fields took 300 of its 624. At 100 000 records, 30 MB.
struct RareFields: Hashable, Sendable {
    struct Values: Hashable, Sendable {
        var citationKey: String?
        var editors: [Person] = []
        var seriesEditors: [Person] = []
        var translators: [Person] = []
        var speakers: [Person] = []
        var publisherPlace: String?
        var issn: [String] = []
        var language: String?
        var bio: String?
        var location: String?
        var start: LocalDateTime?
        var end: LocalDateTime?
        var published: PartialDate?
        var translations: [Translation] = []
        var citations: Int?
        var attachments: [RecordAttachment] = []
    }

    /// Changed only where no other record shares it (`change`).
    private final class Box: @unchecked Sendable {
        var values: Values

        init(_ values: Values) {
            self.values = values
        }
    }

    private var box: Box?

    /// The fields, when any was ever set (read one: `values?.bio`).
    var values: Values? {
        @inline(__always) _read { yield box?.values }
    }

    /// Sets a field, in a box of this record's own; an empty value where
    /// there is no box changes nothing (importers set absent fields too).
    mutating func set<Value>(_ field: WritableKeyPath<Values, Value>, to value: Value, isEmpty: Bool) {
        if box == nil {
            guard !isEmpty else { return }
            box = Box(Values())
        } else if !isKnownUniquelyReferenced(&box) {
            box = Box(box!.values)
        }
        box!.values[keyPath: field] = value
    }

    static func == (left: RareFields, right: RareFields) -> Bool {
        left.box === right.box || (left.box?.values ?? Values()) == (right.box?.values ?? Values())
    }

    func hash(into hasher: inout Hasher) {
        (box?.values ?? Values()).hash(into: &hasher)
    }
}
