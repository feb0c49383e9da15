import ArgumentParser
import Foundation
import LibraryStore
import OstromCore

/// `ostrom import FILE...`: records into the user library, deduplicated.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the records of files (BibTeX, RIS, CSL-JSON, pages) to your library.",
        discussion: """
            A record from a file imported before, with the same key there, replaces its earlier version (so a file \
            exported again every day does not pile up copies). Otherwise a duplicate (the same DOI, else the same title, \
            year and first author) fills in what the library lacked, or is skipped. Each update is listed with what changed.
            """)

    @Flag(help: "List what would be added, updated and skipped, and why, without changing the library.") var dryRun = false
    @Flag(name: .shortAndLong, help: "List every record: added, updated or skipped, and why.") var verbose = false
    @Argument(help: "Files or folders to import.") var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        let loaded = try LibraryOptions(paths: paths).load()
        let store = try UserLibrary.open()
        let plan: ImportPlan
        do {
            plan = try store.importRecords(loaded.records.map(Self.withAbsoluteSource), dryRun: dryRun)
        } catch {
            throw CommandFailure(code: 2, message: "nothing imported: \(error)")
        }
        for entry in plan.entries where dryRun || verbose || entry.action == .update {
            Console.print(TerminalSafeText.sanitize("\(entry.action.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(entry.incomingID): \(entry.reason)"))
        }
        let counts = "add \(plan.count(.add)), update \(plan.count(.update)), skip \(plan.count(.skip))"
        Console.print(dryRun ? "would \(counts); nothing changed (\(RawPath.display(store.path)))"
            : "added \(plan.count(.add)), updated \(plan.count(.update)), skipped \(plan.count(.skip)) (\(RawPath.display(store.path)))")
    }

    /// The record with the paths of its file and attachments made absolute,
    /// so that the same file imported from another folder is known again
    /// and its attachments are found from anywhere.
    static func withAbsoluteSource(_ record: Record) -> Record {
        var record = record
        let absolute = { (path: String) in
            path.hasPrefix("/") || path.hasPrefix("builtin:") || path.contains("://") ? path
                : (FileManager.default.currentDirectoryPath + "/" + path as NSString).standardizingPath
        }
        if let path = record.source?.path { record.source?.path = absolute(path) }
        for index in record.attachments.indices { record.attachments[index].path = absolute(record.attachments[index].path) }
        return record
    }
}
