/// Fields most values leave empty, kept apart in one copy-on-write box:
/// a value without them holds no box, 8 bytes; one with any holds a box
/// of all of them (as large as they were, and 40 bytes more). A record's
/// (editors, speakers, event times, language, attachments…) took 296 of
/// its 624 bytes; a person's suffix, literal name and affiliation 48 of
/// 80, and a record has three or four people.
struct RareFields<Values: RareFieldValues>: Hashable, Sendable {
    /// Changed only where no other value shares it (`set`).
    private final class Box: @unchecked Sendable {
        var values: Values

        init(_ values: Values) {
            self.values = values
        }
    }

    private var box: Box?

    /// The fields, when any was ever set (read one: `values?.bio`). Lent,
    /// not copied: a getter would copy all of them, and retain each, to
    /// read one (the search index reads every record's editors and speakers).
    var values: Values? {
        @inline(__always) _read { yield box?.values }
    }

    /// Sets a field, in a box of this value's own; an empty value where
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

    static func == (left: Self, right: Self) -> Bool {
        left.box === right.box || (left.box?.values ?? Values()) == (right.box?.values ?? Values())
    }

    func hash(into hasher: inout Hasher) {
        (box?.values ?? Values()).hash(into: &hasher)
    }
}

/// What `RareFields` holds: fields that all start empty.
protocol RareFieldValues: Hashable, Sendable {
    init()
}
