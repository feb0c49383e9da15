import Foundation

/// Stars, tags and notes by record id, kept in `annotations.json` under the
/// state folder. Saving takes a lock, re-reads the file, applies this
/// instance's unsaved changes on top and writes atomically, so two running
/// instances lose nothing; `undo` reverses the last change made here.
public struct Annotations: Equatable, Sendable {
    public static let fileName = "annotations.json"

    public private(set) var byRecord: [String: Annotation]
    /// Changes made here and not saved yet.
    public private(set) var pending: [AnnotationChange] = []
    private var undoStack: [AnnotationChange] = []

    public init(byRecord: [String: Annotation] = [:]) {
        self.byRecord = byRecord
    }

    public subscript(id: String) -> Annotation { byRecord[id] ?? Annotation() }

    public mutating func apply(_ change: AnnotationChange) {
        undoStack.append(change.inverse(in: byRecord))
        change.apply(to: &byRecord)
        pending.append(change)
    }

    /// Reverses the last change; returns it (the change that undid it).
    public mutating func undo() -> AnnotationChange? {
        guard let inverse = undoStack.popLast() else { return nil }
        inverse.apply(to: &byRecord)
        pending.append(inverse)
        return inverse
    }

    // MARK: - The file

    /// What loading found: the annotations, and a warning when the file was
    /// damaged and moved aside.
    public struct Loaded: Sendable {
        public var annotations: Annotations
        public var warning: String?
    }

    public static func load(folder: String) -> Loaded {
        let found = read(folder: folder)
        return Loaded(annotations: Annotations(byRecord: found.byRecord), warning: found.refusal ?? found.warning)
    }

    /// Saves the pending changes over what is on disk now; afterwards this
    /// instance sees the other instances' changes too. Returns a warning
    /// when the file on disk was damaged and moved aside. A file that cannot
    /// be read, or that a newer ostrom wrote, is never written over: the
    /// save throws and the changes stay pending. Another instance saving is
    /// waited for `lockWait` seconds at most (`onWait` says so).
    @discardableResult
    public mutating func save(folder: String, lockWait: Double = 10, onWait: (() -> Void)? = nil) throws(AtomicFile.WriteError) -> String? {
        let lock = try FileLock(path: folder + "/" + Self.fileName + ".lock", waitingAtMost: lockWait, onWait: onWait)
        defer { lock.release() }
        AtomicFile.removeStaleTemporaries(of: folder + "/" + Self.fileName)
        let found = Self.read(folder: folder)
        if let refusal = found.refusal { throw AtomicFile.WriteError(path: folder + "/" + Self.fileName, reason: refusal) }
        var merged = found.byRecord
        let warning = found.warning
        for change in pending { change.apply(to: &merged) }
        try AtomicFile.write(Data((Self.json(merged).serialized() + "\n").utf8), to: folder + "/" + Self.fileName)
        byRecord = merged
        pending.removeAll()
        return warning
    }

    static func json(_ byRecord: [String: Annotation]) -> JSONValue {
        .object([("version", .integer(1)), ("records", .object(byRecord.keys.sorted().map { id in
            let annotation = byRecord[id] ?? Annotation()
            var object = JSONObjectBuilder()
            if annotation.starred { object.add("starred", .bool(true)) }
            object.add("tags", annotation.tags)
            object.add("note", annotation.note)
            if let placement = annotation.placement { object.add("placement", PlacementJSON.choice(placement)) }
            return (id, object.value)
        }))])
    }

    /// What reading the file found: its annotations; a warning when it was
    /// damaged and moved aside; a refusal when it must not be written over
    /// (it cannot be read, or a newer ostrom wrote it).
    struct Found {
        var byRecord: [String: Annotation] = [:]
        var warning: String?
        var refusal: String?
    }

    /// The version of the file this ostrom writes.
    static let version = 1

    /// The file's annotations; a damaged file is moved aside under a name
    /// of its own (`annotations.json.damaged-<time>`, then `-2`, `-3`…),
    /// never overwritten, with a warning.
    static func read(folder: String) -> Found {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            guard access(path, F_OK) == 0 else { return Found() }
            return Found(refusal: "\(fileName) cannot be read (\(String(cString: strerror(access(path, R_OK) == 0 ? EIO : errno)))); "
                + "nothing is saved over it (in \(folder))")
        }
        do {
            let (byRecord, newer) = try parse(data)
            guard let newer else { return Found(byRecord: byRecord) }
            return Found(byRecord: byRecord, refusal: "\(fileName) is from a newer ostrom (version \(newer)); "
                + "shown but not saved over (in \(folder))")
        } catch {
            // The names first: the status row may not have room for the folder.
            guard let aside = moveAside(path, folder: folder) else {
                return Found(refusal: "\(fileName): \(error.reason); it could not be moved aside (\(String(cString: strerror(errno)))) in \(folder)")
            }
            return Found(warning: "\(fileName): \(error.reason); moved aside to \(aside), starting empty (in \(folder))")
        }
    }

    /// Renames a damaged file to a name no other copy has; the new name.
    private static func moveAside(_ path: String, folder: String) -> String? {
        let base = fileName + ".damaged-\(Int(Date().timeIntervalSince1970))"
        for attempt in 1...100 {
            let name = attempt == 1 ? base : base + "-\(attempt)"
            // link fails if the name is taken: no earlier copy is replaced.
            if link(path, folder + "/" + name) == 0 {
                unlink(path)
                return name
            }
            if errno != EEXIST { return nil }
        }
        return nil
    }

    struct ParseError: Error {
        var reason: String
    }

    /// The annotations, and the file's version when it is newer than this
    /// ostrom's (its records are read as far as they are understood).
    static func parse(_ data: Data) throws(ParseError) -> ([String: Annotation], newer: Int?) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ParseError(reason: "not a JSON object")
        }
        var newer: Int?
        if let version = object["version"] {
            guard let number = version as? NSNumber, number.doubleValue == Double(number.intValue), number.intValue >= 1 else {
                throw ParseError(reason: "an unknown version “\(version)”")
            }
            if number.intValue > Self.version { newer = number.intValue }
        }
        do {
            return (try parseRecords(object), newer)
        } catch {
            // A newer ostrom's records may hold what this one cannot read: never moved aside.
            if let newer { return ([:], newer) }
            throw error
        }
    }

    private static func parseRecords(_ object: [String: Any]) throws(ParseError) -> [String: Annotation] {
        guard let records = object["records"] as? [String: Any] else { throw ParseError(reason: "no “records” object") }
        var byRecord: [String: Annotation] = [:]
        for (id, value) in records {
            guard let fields = value as? [String: Any] else { throw ParseError(reason: "record “\(id)” is not an object") }
            let tags = fields["tags"] as? [String]
            guard (fields["starred"] == nil || fields["starred"] is Bool), (fields["tags"] == nil || tags != nil),
                  (fields["note"] == nil || fields["note"] is String) else {
                throw ParseError(reason: "record “\(id)” has a field of the wrong type")
            }
            let placement = try fields["placement"].map { value throws(ParseError) in try parsePlacement(value, id: id) }
            let annotation = Annotation(starred: fields["starred"] as? Bool ?? false, tags: tags ?? [], note: fields["note"] as? String,
                                        placement: placement)
            if !annotation.isEmpty { byRecord[id] = annotation }
        }
        return byRecord
    }

    private static func parsePlacement(_ value: Any, id: String) throws(ParseError) -> PlacementChoice {
        func text(_ field: Any?) -> (ok: Bool, value: String?) {
            switch field {
            case nil, is NSNull: return (true, nil)
            case let string as String: return (true, string)
            default: return (false, nil)
            }
        }
        guard let fields = value as? [String: Any] else { throw ParseError(reason: "record “\(id)”: placement is not an object") }
        let stage = text(fields["stage"]), level = text(fields["level"])
        let principles = fields["principles"] as? [String]
        guard stage.ok, level.ok, fields["principles"] == nil || principles != nil else {
            throw ParseError(reason: "record “\(id)”: placement has a field of the wrong type")
        }
        return PlacementChoice(stage: stage.value, level: level.value, principles: principles ?? [])
    }
}
