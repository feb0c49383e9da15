import ArgumentParser
import Foundation
import LibraryStore
import OstromCore

/// `ostrom annotate ID`: star, tag or note a record from the shell (what
/// `m`, `t` and `e` do in the browser), or show what it has.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Star, tag, note or place a record; with no option, show its star, tags, note and place.",
        discussion: """
            Kept in your library ($XDG_DATA_HOME/ostrom/library.sqlite), on top of what other running instances saved. \
            --stage, --level and --principle set your place for the record on the ladder (what p does in the browser): \
            the ones not given are taken from the current place; "none" means not placed. --suggested goes back to the suggestion.
            """)

    @Argument(help: "The record's id, as `ostrom list` shows it.") var id: String
    @Flag(help: "Star the record.") var star = false
    @Flag(help: "Take the star away.") var unstar = false
    @Option(help: "Add a tag (repeatable).") var tag: [String] = []
    @Option(help: "Remove a tag (repeatable).") var untag: [String] = []
    @Option(help: "Set the note (an empty text removes it).") var note: String?
    @Option(help: "Your stage for it: to, for, with or none.") var stage: String?
    @Option(help: "Your level: descriptive, intermediate, transformative or none.") var level: String?
    @Option(help: "Your principles (repeatable; replaces them; none for no principle).") var principle: [String] = []
    @Flag(help: "Forget your place for it: back to the suggestion.") var suggested = false

    func validate() throws {
        guard !(star && unstar) else { throw ValidationError("--star and --unstar together") }
        if let bad = (tag + untag).first(where: { AnnotationTags.parse($0).count != 1 }) {
            throw ValidationError("“\(bad)” is not a tag: a tag is one word without spaces or commas")
        }
        guard !suggested || (stage == nil && level == nil && principle.isEmpty) else {
            throw ValidationError("--suggested with --stage, --level or --principle")
        }
        _ = try userChoice(from: PlacementChoice())
    }

    /// The place the options make, on top of the record's current one.
    private func userChoice(from current: PlacementChoice) throws -> PlacementChoice {
        let names = PlacementNames.builtIn
        func one(_ typed: String, _ kind: PlacementNames.Kind) throws -> String? {
            if typed.lowercased() == "none" { return nil }
            let found = names.resolve(typed, as: kind)
            guard found.count == 1 else {
                let all = names.all(kind).joined(separator: ", ")
                throw ValidationError("“\(typed)” \(found.isEmpty ? "names no" : "names more than one") \(kind.rawValue): \(all), or none")
            }
            return found[0]
        }
        var choice = current
        if let stage { choice.stage = try one(stage, .stage) }
        if let level { choice.level = try one(level, .level) }
        if !principle.isEmpty { choice.principles = try principle.compactMap { try one($0, .principle) } }
        return choice
    }

    func run() throws {
        guard let record = try LibraryOptions(paths: []).load().record(withID: id) else {
            throw CommandFailure(code: 1, message: "no record with id “\(id)” (see `ostrom list`)")
        }
        let store = try UserLibrary.open()
        var annotations: Annotations
        do {
            annotations = Annotations(byRecord: try store.annotations())
        } catch {
            throw CommandFailure(code: 2, message: "\(error)")
        }
        if star || unstar { annotations.apply(.star(id, star)) }
        for name in tag.flatMap(AnnotationTags.parse) { annotations.apply(.tag(id, name, added: true)) }
        for name in untag.flatMap(AnnotationTags.parse) { annotations.apply(.tag(id, name, added: false)) }
        if let note { annotations.apply(.note(id, note)) }
        let analysis = PlacementEngine().analyse(record)
        if suggested { annotations.apply(.placement(id, nil)) }
        if stage != nil || level != nil || !principle.isEmpty {
            let current = RecordPlacement(analysis: analysis, user: annotations[id].placement).choice
            annotations.apply(.placement(id, try userChoice(from: current)))
        }
        if !annotations.pending.isEmpty {
            do {
                try store.save(&annotations)
            } catch {
                throw CommandFailure(code: 2, message: "not saved: \(error)")
            }
        }
        let annotation = annotations[id]
        let line = [id, annotation.starred ? "★" : "·"] + annotation.tags.map { "#" + $0 }
        Console.print(TerminalSafeText.sanitize(line.joined(separator: "  ")))
        if let text = annotation.note { Console.print(TerminalSafeText.sanitize(text, keepNewlines: true)) }
        let placement = RecordPlacement(analysis: analysis, user: annotation.placement)
        Console.print(PlacementText.render(placement, evidence: false).joined(separator: "\n"))
    }
}
