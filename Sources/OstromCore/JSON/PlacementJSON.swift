/// Placements as the command line's JSON: the place (stage, level,
/// principles with their evidence), who set it, and the evidence for every
/// stage and level the text shows.
public enum PlacementJSON {
    public static func value(of placement: RecordPlacement, id: String? = nil) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", id)
        object.add("stage", placement.choice.stage)
        object.add("level", placement.choice.level)
        object.add("principles", .array(placement.principles.map(finding)))
        object.add("setBy", placement.setBy.rawValue)
        if placement.setBy == .user { object.add("suggested", choice(placement.analysis.suggestion)) }
        object.add("stages", .array(placement.analysis.stages.map(finding)))
        object.add("levels", .array(placement.analysis.levels.map(finding)))
        return object.value
    }

    static func choice(_ choice: PlacementChoice) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("stage", choice.stage)
        object.add("level", choice.level)
        object.add("principles", choice.principles)
        return object.value
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
