import ArgumentParser
import OstromCore

/// The `PATH...` arguments every subcommand takes: files or folders loaded
/// instead of the default library.
struct LibraryOptions: ParsableArguments {
    @Argument(help: "Files or folders (read recursively) to load instead of the default library.")
    var paths: [String] = []

    /// The library, with its warnings printed to stderr; an unreadable path
    /// ends the command with exit code 2.
    func load() throws -> Library {
        let library: Library
        if paths.isEmpty {
            library = Library.builtIn()
        } else {
            do {
                library = try Library.load(paths: paths)
            } catch {
                throw CommandFailure(code: 2, message: error.description)
            }
        }
        for diagnostic in library.diagnostics { Console.error(diagnostic.description) }
        return library
    }
}
