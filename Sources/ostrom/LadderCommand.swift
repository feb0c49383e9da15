import ArgumentParser
import OstromCore

/// `ostrom ladder`: the co-production ladder model.
struct LadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Show the ladder of co-production: stages, types, principles, stories, matrix.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let model: LadderModel
        do {
            model = try LadderModel.builtIn()
        } catch {
            throw CommandFailure(code: 2, message: "the built-in ladder model cannot be read: \(error)")
        }
        switch format {
        case .text: Console.print(LadderText.render(model, width: min(Console.outputWidth ?? 80, 100)), terminator: "")
        case .json: Console.print(LadderJSON.value(of: model).serialized())
        }
    }
}
