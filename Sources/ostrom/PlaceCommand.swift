import ArgumentParser
import Foundation
import OstromCore

/// `ostrom place FILE...`: where the records of any file (a text, a
/// BibTeX library, a seed) sit on the ladder, with the evidence.
struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Place the text of any file on the ladder: stage, level, principles and the sentences that are the evidence.",
        discussion: "A file an importer recognises (BibTeX, RIS, a seed page) is placed record by record; any other text as a whole. "
            + "Exit 1 when nothing in the files could be placed.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Files or folders to place.") var paths: [String]
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let library: Library
        do {
            library = try Library.load(paths: paths)
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
        // A plain text is what `place` is for: no warning that it became a note.
        for diagnostic in library.diagnostics where !diagnostic.isPlainNoteWarning { Console.error(diagnostic.description) }
        let records = library.records
        let engine = PlacementEngine()
        let placements = records.parallelMap(making: { PlacementEngine.Analyses(engine: engine) }) {
            RecordPlacement(analysis: $0.analysis(of: $1))
        }
        switch format {
        case .json:
            Console.printJSONArray(count: records.count) { PlacementJSON.value(of: placements[$0], id: records[$0].id) }
        case .text:
            let width = min(Console.outputWidth ?? 80, 100)
            var blocks: [String] = []
            for (record, placement) in zip(records, placements) {
                let heading = TerminalSafeText.sanitize("\(record.id) — \(record.displayTitle)")
                blocks.append(([heading] + PlacementText.render(placement, width: width)).joined(separator: "\n"))
            }
            Console.print(blocks.joined(separator: "\n\n"))
        }
        guard placements.contains(where: { !$0.choice.isEmpty }) else {
            throw CommandFailure(code: 1, message: "nothing placed: too little evidence in \(paths.joined(separator: ", "))")
        }
    }
}
