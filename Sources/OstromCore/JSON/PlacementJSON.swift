/// Placements as the command line's JSON: the place (stage, level,
/// principles with their evidence), who set it, and the evidence for every
/// stage and level the text shows.
public enum PlacementJSON {
    /// `stage` and `level` are `null` when not placed; `principles` is
    /// always there, empty when none is shown.
    public static func value(of placement: RecordPlacement, id: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = id.map { [("id", .string($0))] } ?? []
        members += [
            ("stage", .stringOrNull(placement.choice.stage)),
            ("level", .stringOrNull(placement.choice.level)),
            ("principles", .array(placement.principles.map(finding))),
            ("setBy", .string(placement.setBy.rawValue)),
        ]
        if placement.setBy == .user { members.append(("suggested", choice(placement.analysis.suggestion))) }
        members += [("stages", .array(placement.analysis.stages.map(finding))), ("levels", .array(placement.analysis.levels.map(finding)))]
        return .object(members)
    }

    static func choice(_ choice: PlacementChoice) -> JSONValue {
        .object([("stage", .stringOrNull(choice.stage)), ("level", .stringOrNull(choice.level)),
                 ("principles", .array(choice.principles.map(JSONValue.string)))])
    }

    /// `evidence` holds the sentences as they are; `marked` the same with
    /// the matched words in «guillemets».
    static func finding(_ finding: Finding) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("name", finding.name)
        object.add("score", finding.score)
        object.add("evidence", finding.evidence.map(\.sentence))
        object.add("marked", finding.evidence.map(\.marked))
        return object.value
    }
}
