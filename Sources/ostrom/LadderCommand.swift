import ArgumentParser
import OstromCore

/// `ostrom ladder`: the co-production ladder model.
struct LadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Show the ladder of co-production: stages, types, principles, stories, matrix, and where the library's records sit on it.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let model = LadderModel.builtIn()
        let records = try library.load().records
        let annotations = UserLibrary.state().annotations
        let cache = PlacementCache(records: records)
        cache.analyseAll()
        let placements = records.indices.map { (id: records[$0].id, placement: cache.placement(of: $0, user: annotations[records[$0].id].placement)) }
        switch format {
        case .text:
            let width = min(Console.outputWidth ?? 80, 100)
            Console.print(LadderText.render(model, width: width) + "\n" + LadderText.placements(placements, model: model, width: width), terminator: "")
        case .json where placements.isEmpty: Console.print(LadderJSON.value(of: model).serialized())
        case .json:
            // Every record's place streams after the model, as `list --format json` streams records.
            Console.printJSONObject(LadderJSON.modelMembers(model).members, then: "placements", count: placements.count) {
                PlacementJSON.value(of: placements[$0].placement, id: placements[$0].id)
            }
        }
    }
}
