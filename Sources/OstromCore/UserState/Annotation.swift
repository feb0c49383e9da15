/// What the user adds to one record: a star, tags, a note, and their own
/// place for it on the ladder (which replaces the suggested one).
public struct Annotation: Equatable, Sendable {
    public var starred = false
    public var tags: [String] = []
    public var note: String?
    public var placement: PlacementChoice?

    public init(starred: Bool = false, tags: [String] = [], note: String? = nil, placement: PlacementChoice? = nil) {
        self.starred = starred
        self.tags = tags
        self.note = note
        self.placement = placement
    }

    public var isEmpty: Bool { !starred && tags.isEmpty && (note ?? "").isEmpty && placement == nil }
}

/// One change to the annotations. Instances save their changes, not their
/// whole state, on top of what is on disk, so two running at once merge.
public enum AnnotationChange: Equatable, Sendable {
    case star(String, Bool)
    case tag(String, String, added: Bool)
    case note(String, String?)
    /// The user's place on the ladder; `nil` goes back to the suggestion.
    case placement(String, PlacementChoice?)

    public var recordID: String {
        switch self {
        case .star(let id, _), .tag(let id, _, _), .note(let id, _), .placement(let id, _): id
        }
    }

    public func apply(to annotations: inout [String: Annotation]) {
        var annotation = annotations[recordID] ?? Annotation()
        switch self {
        case .star(_, let on):
            annotation.starred = on
        case .tag(_, let tag, let added):
            annotation.tags.removeAll { $0 == tag }
            if added { annotation.tags.append(tag) }
        case .note(_, let text):
            annotation.note = text.flatMap { $0.isEmpty ? nil : $0 }
        case .placement(_, let choice):
            annotation.placement = choice
        }
        annotations[recordID] = annotation.isEmpty ? nil : annotation
    }

    /// The change that undoes this one, from the state before it.
    func inverse(in annotations: [String: Annotation]) -> AnnotationChange {
        let annotation = annotations[recordID] ?? Annotation()
        switch self {
        case .star(let id, _): return .star(id, annotation.starred)
        case .tag(let id, let tag, _): return .tag(id, tag, added: annotation.tags.contains(tag))
        case .note(let id, _): return .note(id, annotation.note)
        case .placement(let id, _): return .placement(id, annotation.placement)
        }
    }
}

/// Tags as the user types them: words separated by spaces or commas,
/// a leading `#` dropped.
public enum AnnotationTags {
    public static func parse(_ text: String) -> [String] {
        var tags: [String] = []
        for word in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
            let tag = word.hasPrefix("#") ? String(word.dropFirst()) : String(word)
            if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}
