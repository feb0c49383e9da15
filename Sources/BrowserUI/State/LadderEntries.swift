import OstromCore

/// The Ladder tab's list: section headings and the items under them, the
/// stages drawn top (doing with) to bottom (doing to).
public struct LadderEntry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case heading
        case stage(index: Int)
        case principle, type, notCoProduction, definition
        case story(LadderModel.Story)
        /// The matrix opens at the transcript line that names its axis.
        case matrix(axis: [Int])
    }

    public var kind: Kind
    public var title: String
    /// The quoted passage and its transcript lines, when there is one.
    public var item: LadderModel.Item?

    public var isSelectable: Bool { kind != .heading }

    static func entries(for model: LadderModel) -> [LadderEntry] {
        var entries = [LadderEntry(kind: .heading, title: "The ladder")]
        for (index, stage) in model.stages.enumerated().reversed() {
            entries.append(LadderEntry(kind: .stage(index: index), title: stage.name, item: stage))
        }
        entries.append(LadderEntry(kind: .heading, title: "Six principles"))
        entries += model.principles.map { LadderEntry(kind: .principle, title: $0.name, item: $0) }
        entries.append(LadderEntry(kind: .heading, title: "Types"))
        entries += model.types.map { LadderEntry(kind: .type, title: $0.name, item: $0) }
        entries.append(LadderEntry(kind: .heading, title: "Co-production is not"))
        entries += model.notCoProduction.map { LadderEntry(kind: .notCoProduction, title: $0.name, item: $0) }
        entries.append(LadderEntry(kind: .heading, title: "Stories"))
        entries += model.stories.map { LadderEntry(kind: .story($0), title: $0.name) }
        entries.append(LadderEntry(kind: .heading, title: "Definitions"))
        entries += model.definitions.map { LadderEntry(kind: .definition, title: $0.name, item: $0) }
        entries.append(LadderEntry(kind: .heading, title: "Public service matrix"))
        entries.append(LadderEntry(kind: .matrix(axis: model.matrix.columnAxis.lines), title: "Who plans × who delivers"))
        return entries
    }

    /// The transcript lines this entry's passage comes from.
    var passageLines: [Int]? {
        switch kind {
        case .story(let story): return story.lines
        case .matrix(let axis): return axis
        default: return item?.lines
        }
    }
}
