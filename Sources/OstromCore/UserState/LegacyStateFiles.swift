import Foundation

/// The files earlier versions kept the library and the user's state in,
/// read once to move them into the library database. A file that cannot be
/// read throws, naming what is wrong: it is never taken as empty.
public enum LegacyStateFiles {
    public static let library = "library.json"
    public static let annotations = "annotations.json"
    public static let readingPositions = "reading-positions.json"
    public static let searchHistory = "search-history"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `library.json`: ostrom's record JSON, or CSL-JSON from the versions before.
    public static func records(in data: Data, path: String) throws(Failure) -> [Record] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { throw Failure(description: "not valid JSON (cut off?)") }
        if let items = json as? [Any], items.isEmpty { return [] }
        if RecordJSONReader.isRecordArray(json) {
            do throws(RecordJSONReader.Failure) {
                return try RecordJSONReader.records(from: json)
            } catch {
                throw Failure(description: error.description)
            }
        }
        var context = ImportContext()
        guard let imported = CSLJSONImporter().importIfRecognised(SourceDocument(path: path, bytes: data), context: &context) else {
            throw Failure(description: "in a form ostrom does not know")
        }
        return imported.records
    }

    /// The version of `annotations.json` the last of those versions wrote.
    static let annotationsVersion = 1

    /// `annotations.json`: `{"version": 1, "records": {id: {starred, tags, note, placement}}}`.
    public static func annotations(in data: Data) throws(Failure) -> [String: Annotation] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "not a JSON object")
        }
        if let version = object["version"] {
            guard let number = version as? NSNumber, number.doubleValue == Double(number.intValue), number.intValue >= 1 else {
                throw Failure(description: "an unknown version “\(version)”")
            }
            if number.intValue > annotationsVersion { throw Failure(description: "from a newer ostrom (version \(number.intValue))") }
        }
        guard let records = object["records"] as? [String: Any] else { throw Failure(description: "no “records” object") }
        var byRecord: [String: Annotation] = [:]
        for (id, value) in records {
            guard let fields = value as? [String: Any] else { throw Failure(description: "record “\(id)” is not an object") }
            let tags = fields["tags"] as? [String]
            guard (fields["starred"] == nil || fields["starred"] is Bool), (fields["tags"] == nil || tags != nil),
                  (fields["note"] == nil || fields["note"] is String) else {
                throw Failure(description: "record “\(id)” has a field of the wrong type")
            }
            var placement: PlacementChoice?
            if let value = fields["placement"] {
                do throws(AnnotationJSON.Failure) {
                    placement = try AnnotationJSON.placement(fromValue: value)
                } catch {
                    throw Failure(description: "record “\(id)”: \(error)")
                }
            }
            let annotation = Annotation(starred: fields["starred"] as? Bool ?? false, tags: tags ?? [], note: fields["note"] as? String,
                                        placement: placement)
            if !annotation.isEmpty { byRecord[id] = annotation }
        }
        return byRecord
    }

    /// `reading-positions.json`: `{document: byte offset}`.
    public static func readingPositions(in data: Data) throws(Failure) -> [String: Int] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int] else {
            throw Failure(description: "not an object of byte offsets")
        }
        return object
    }

    /// `search-history`: one query a line, oldest first.
    public static func searchHistory(in data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
