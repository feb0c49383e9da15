import ArgumentParser
import Foundation
import OstromCore

/// The `PATH...` arguments every subcommand takes: files or folders loaded
/// instead of the default library.
struct LibraryOptions: ParsableArguments {
    @Argument(help: "Files or folders (read recursively) to load instead of the default library.")
    var paths: [String] = []

    init() {}

    init(paths: [String]) {
        self.paths = paths
    }

    /// The library, with its warnings printed to stderr; an unreadable path
    /// ends the command with exit code 2.
    func load() throws -> Library {
        let library: Library
        if paths.isEmpty {
            // The default library: the built-in corpus and what the user imported.
            var records: [Record] = []
            do {
                records = try UserLibrary.open().records()
            } catch let failure as CommandFailure {
                Console.error("\(failure.message ?? "the library cannot be opened"); only the built-in records are shown")
            } catch {
                Console.error("\(error); only the built-in records are shown")
            }
            library = Library.builtIn().adding(records)
        } else {
            do {
                library = try Library.load(paths: paths)
            } catch {
                throw CommandFailure(code: 2, message: error.description)
            }
        }
        for diagnostic in library.diagnostics { Console.error(diagnostic.description) }
        keepUntilExit(library.records)
        return library
    }
}
