import ArgumentParser
import Foundation
import OstromCore

/// `ostrom annotate ID`: star, tag or note a record from the shell (what
/// `m`, `t` and `e` do in the browser), or show what it has.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Star, tag or note a record; with no option, show its star, tags and note.",
        discussion: "Kept in $XDG_STATE_HOME/ostrom/annotations.json, merged with what other running instances saved.")

    @Argument(help: "The record's id, as `ostrom list` shows it.") var id: String
    @Flag(help: "Star the record.") var star = false
    @Flag(help: "Take the star away.") var unstar = false
    @Option(help: "Add a tag (repeatable).") var tag: [String] = []
    @Option(help: "Remove a tag (repeatable).") var untag: [String] = []
    @Option(help: "Set the note (an empty text removes it).") var note: String?

    func validate() throws {
        guard !(star && unstar) else { throw ValidationError("--star and --unstar together") }
        if let bad = (tag + untag).first(where: { AnnotationTags.parse($0).count != 1 }) {
            throw ValidationError("“\(bad)” is not a tag: a tag is one word without spaces or commas")
        }
    }

    func run() throws {
        guard let folder = StateLocation.folder(environment: ProcessInfo.processInfo.environment) else {
            throw CommandFailure(code: 2, message: "no place for annotations: set HOME or XDG_STATE_HOME")
        }
        guard try LibraryOptions(paths: []).load().record(withID: id) != nil else {
            throw CommandFailure(code: 1, message: "no record with id “\(id)” (see `ostrom list`)")
        }
        let loaded = Annotations.load(folder: folder)
        if let warning = loaded.warning { Console.error(warning) }
        var annotations = loaded.annotations
        if star || unstar { annotations.apply(.star(id, star)) }
        for name in tag.flatMap(AnnotationTags.parse) { annotations.apply(.tag(id, name, added: true)) }
        for name in untag.flatMap(AnnotationTags.parse) { annotations.apply(.tag(id, name, added: false)) }
        if let note { annotations.apply(.note(id, note)) }
        if !annotations.pending.isEmpty {
            do {
                if let warning = try annotations.save(folder: folder) { Console.error(warning) }
            } catch {
                throw CommandFailure(code: 2, message: "not saved: \(error)")
            }
        }
        let annotation = annotations[id]
        let line = [id, annotation.starred ? "★" : "·"] + annotation.tags.map { "#" + $0 }
        Console.print(TerminalSafeText.sanitize(line.joined(separator: "  ")))
        if let text = annotation.note { Console.print(TerminalSafeText.sanitize(text, keepNewlines: true)) }
    }
}
