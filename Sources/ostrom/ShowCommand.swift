import ArgumentParser
import OstromCore

/// `ostrom show ID`: one record in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one record in full, with its place on the ladder and the evidence.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The record's id, as `ostrom list` shows it.")
    var id: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let loaded = try library.load()
        guard let record = loaded.record(withID: id) else {
            throw CommandFailure(code: 1, message: "no record with id “\(id)” (see `ostrom list`)")
        }
        let saved = UserLibrary.state()
        let annotation = saved.annotations[record.id]
        let placement = RecordPlacement(analysis: PlacementEngine().analyse(record), user: annotation.placement)
        switch format {
        case .text:
            let width = min(Console.outputWidth ?? 80, 100)
            Console.print(RecordText.render(record, now: .now(), width: width), terminator: "")
            if annotation.starred || !annotation.tags.isEmpty || annotation.note != nil {
                let line = ["Yours"] + (annotation.starred ? ["★ starred"] : []) + annotation.tags.map { "#" + $0 }
                Console.print("\n" + TerminalSafeText.sanitize(line.joined(separator: "  ")))
                if let note = annotation.note { Console.print(TerminalSafeText.sanitize(note, keepNewlines: true)) }
            }
            Console.print("\n" + PlacementText.render(placement, width: width).joined(separator: "\n"))
        case .json:
            guard case .object(var members) = saved.json(record) else { return }
            members.append(("placement", PlacementJSON.value(of: placement)))
            Console.print(JSONValue.object(members).serialized())
        }
    }
}
