import ArgumentParser
import Foundation
import OstromCore

/// `ostrom import FILE...`: records into the user library, deduplicated.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the records of files (BibTeX, RIS, CSL-JSON, pages) to your library.",
        discussion: "Duplicates (the same DOI, else the same title and year) fill in what the library lacked, or are skipped.")

    @Argument(help: "Files or folders to import.") var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        guard let folder = UserLibrary.folder(environment: ProcessInfo.processInfo.environment) else {
            throw CommandFailure(code: 2, message: "no place for the library: set HOME or XDG_DATA_HOME")
        }
        let loaded = try LibraryOptions(paths: paths).load()
        var library: UserLibrary
        do {
            library = try UserLibrary(folder: folder)
        } catch {
            throw CommandFailure(code: 2, message: "nothing imported: \(error)")
        }
        let report = library.add(loaded.records)
        do {
            try library.save()
        } catch {
            throw CommandFailure(code: 2, message: "library not saved: \(error)")
        }
        Console.print("added \(report.added), updated \(report.updated), skipped \(report.skipped) (\(library.path))")
    }
}
