/// The ladder model as the JSON `ostrom ladder --format json` prints.
public enum LadderJSON {
    /// With `placements`, each record's place (`id`, `stage`, `level`,
    /// `principles` with score and evidence, `setBy`).
    public static func value(of model: LadderModel, placements: [(id: String, placement: RecordPlacement)] = []) -> JSONValue {
        var object = modelMembers(model)
        object.add("placements", .array(placements.map { PlacementJSON.value(of: $0.placement, id: $0.id) }))
        return object.value
    }

    /// The whole object but its placements, which come last: a large
    /// library's are streamed after these (`JSONValue.streamObject`).
    public static func modelMembers(_ model: LadderModel) -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        object.add("definitions", .array(model.definitions.map(item)))
        object.add("stages", .array(model.stages.map(item)))
        object.add("types", .array(model.types.map(item)))
        object.add("principles", .array(model.principles.map(item)))
        object.add("notCoProduction", .array(model.notCoProduction.map(item)))
        object.add("stories", .array(model.stories.map(story)))
        object.add("matrix", matrix(model.matrix))
        return object
    }

    static func item(_ item: LadderModel.Item) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("name", item.name)
        object.add("heading", item.heading)
        object.add("summary", item.summary)
        object.add("keywords", item.keywords ?? [])
        object.add("description", item.description)
        object.add("text", item.text)
        object.add("reason", item.reason)
        object.add("lines", lines(item.lines))
        return object.value
    }

    static func story(_ story: LadderModel.Story) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("name", story.name)
        object.add("heading", story.heading)
        object.add("text", story.text)
        object.add("lines", lines(story.lines))
        object.add("why", .array(story.why.map { reason in
            var why = JSONObjectBuilder()
            why.add("text", reason.text)
            why.add("lines", lines(reason.lines))
            why.add("principles", reason.principles)
            return why.value
        }))
        object.add("principles", story.principles)
        return object.value
    }

    static func matrix(_ matrix: LadderModel.Matrix) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("rowAxis", quote(matrix.rowAxis))
        object.add("columnAxis", quote(matrix.columnAxis))
        object.add("rows", matrix.rows)
        object.add("columns", matrix.columns)
        object.add("cells", .array(matrix.cells.map { .array($0.map(JSONValue.string)) }))
        object.add("source", matrix.source)
        return object.value
    }

    static func quote(_ quote: LadderModel.Quote) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("text", quote.text)
        object.add("lines", lines(quote.lines))
        return object.value
    }

    static func lines(_ lines: [Int]) -> JSONValue {
        .array(lines.map(JSONValue.integer))
    }
}
