import Foundation

/// The JSON of a record's tags and of the user's place for it, as the
/// library database keeps them and `annotations.json` kept them.
public enum AnnotationJSON {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func tags(_ tags: [String]) -> String {
        JSONValue.array(tags.map(JSONValue.string)).serialized(pretty: false)
    }

    public static func placement(_ choice: PlacementChoice) -> String {
        PlacementJSON.choice(choice).serialized(pretty: false)
    }

    public static func tags(from text: String) throws(Failure) -> [String] {
        guard let tags = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String] else {
            throw Failure(description: "tags that are not a list of words")
        }
        return tags
    }

    public static func placement(from text: String) throws(Failure) -> PlacementChoice {
        try placement(fromValue: try? JSONSerialization.jsonObject(with: Data(text.utf8)))
    }

    /// A place from a parsed JSON object: `stage` and `level` text or null,
    /// `principles` a list of text.
    static func placement(fromValue value: Any?) throws(Failure) -> PlacementChoice {
        func text(_ field: Any?) -> (ok: Bool, value: String?) {
            switch field {
            case nil, is NSNull: return (true, nil)
            case let string as String: return (true, string)
            default: return (false, nil)
            }
        }
        guard let fields = value as? [String: Any] else { throw Failure(description: "placement is not an object") }
        let stage = text(fields["stage"]), level = text(fields["level"])
        let principles = fields["principles"] as? [String]
        guard stage.ok, level.ok, fields["principles"] == nil || principles != nil else {
            throw Failure(description: "placement has a field of the wrong type")
        }
        return PlacementChoice(stage: stage.value, level: level.value, principles: principles ?? [])
    }
}
