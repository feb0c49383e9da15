import ArgumentParser
import Foundation
import LibraryStore
import OstromCore

/// `ostrom remove ID...`: records out of the library.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove records from your library.",
        discussion: """
            All or none: an id that is not in your library removes nothing. Their stars, tags and notes are kept, \
            and come back with the record if it is imported again.
            """)

    @Flag(help: "List what would be removed without removing it.") var dryRun = false
    @Argument(help: "The ids, as `ostrom list` shows them.") var ids: [String]

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("name at least one record to remove") }
    }

    func run() throws {
        let store = try UserLibrary.open()
        let removed: [StoredRecord]
        do {
            removed = try store.remove(ids: ids, dryRun: dryRun)
        } catch {
            throw CommandFailure(code: 1, message: "\(error)")
        }
        for stored in removed {
            Console.print(TerminalSafeText.sanitize("\(dryRun ? "would remove" : "removed") \(stored.record.id)  \(stored.record.displayTitle)"))
        }
    }
}

/// `ostrom edit ID`: a library record in the user's editor.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a record of your library in $VISUAL or $EDITOR.",
        discussion: """
            Papers open as BibTeX, other kinds as JSON (--format chooses). What BibTeX cannot hold (speakers, times, place, \
            body, bio, translations) is kept as it was. An edit that cannot be read opens again with the error; saved \
            unchanged, it leaves the record as it was.
            """)

    @Argument(help: "The record's id, as `ostrom list` shows it.") var id: String
    @Option(help: "Edit as bibtex or json.") var format: RecordEditing.Format?

    func run() throws {
        let store = try UserLibrary.open()
        guard let original = try store.record(id: id) else {
            throw CommandFailure(code: 1, message: "no record with id “\(id)” in your library (see `ostrom list`)")
        }
        switch RecordEditor.edit(original, as: format ?? .preferred(for: original), in: store) {
        case .saved: Console.print("saved \(id)")
        case .unchanged: Console.print("\(id) unchanged")
        case .abandoned(let reason): throw CommandFailure(code: 1, message: "not saved: \(reason); \(id) is as it was")
        case .failed(let reason): throw CommandFailure(code: 2, message: "not edited: \(reason)")
        }
    }
}

/// A library record edited in the user's editor until it reads back (or
/// the user saves it unchanged); shared by `ostrom edit` and `E`.
enum RecordEditor {
    enum Outcome {
        case saved(Record)
        case unchanged
        /// Saved unchanged after an error: the reason.
        case abandoned(String)
        /// The editor or the library failed.
        case failed(String)
    }

    static func edit(_ original: Record, as format: RecordEditing.Format, in store: LibraryStore) -> Outcome {
        var text = RecordEditing.text(of: original, as: format)
        var lastFailure: String?
        while true {
            let edited: String
            switch NoteEditor.edit(text, name: original.id, fileExtension: format.fileExtension) {
            case .success(let result): edited = result
            case .failure(let failure): return .failed(failure.reason)
            }
            // Saved unchanged: nothing to do, or giving up on an error.
            if edited == text { return lastFailure.map(Outcome.abandoned) ?? .unchanged }
            let record: Record
            do throws(RecordEditing.Failure) {
                record = try RecordEditing.record(from: edited, as: format, original: original)
            } catch {
                Console.error("\(original.id): \(error); opening it again")
                lastFailure = error.description
                text = RecordEditing.text(edited, markedWith: error, as: format)
                continue
            }
            guard record != original else { return .unchanged }
            do {
                try store.replace(record)
            } catch {
                return .failed("\(error)")
            }
            return .saved(record)
        }
    }
}

/// `ostrom add`: one record (or a few) from stdin, in any format ostrom reads.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add records read from stdin (BibTeX, RIS, CSL-JSON, a page) to your library.",
        discussion: "Deduplicated as `ostrom import` does. Exit 1 when stdin holds no record.")

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: "(stdin)", bytes: data))
        for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
        var records = result.records
        guard !records.isEmpty, !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else {
            throw CommandFailure(code: 1, message: "no record on stdin")
        }
        RecordIdentifiers.assign(&records)
        let plan: ImportPlan
        do {
            plan = try UserLibrary.open().importRecords(records)
        } catch {
            throw CommandFailure(code: 2, message: "nothing added: \(error)")
        }
        for entry in plan.entries {
            Console.print(TerminalSafeText.sanitize("\(entry.action.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(entry.libraryID): \(entry.reason)"))
        }
    }
}

extension RecordEditing.Format: ExpressibleByArgument {}
