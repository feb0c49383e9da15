import Foundation
import LibraryStore
import OstromCore

/// The user's library database, as the commands open it: what opening
/// found worth telling goes to stderr; another instance writing is waited
/// for with a message (Ctrl-C stops the wait).
enum UserLibrary {
    /// Opened once a run, by the first that needs it; the program's one
    /// thread is the only one to touch it.
    nonisolated(unsafe) private static var opened: Result<LibraryStore, CommandFailure>?

    static func open() throws -> LibraryStore {
        if let opened { return try opened.get() }
        let result: Result<LibraryStore, CommandFailure>
        do {
            let store = try LibraryStore(environment: ProcessInfo.processInfo.environment, wait: 30) {
                Console.error("waiting for another ostrom to finish writing the library…")
            }
            for warning in store.warnings { Console.error(warning) }
            result = .success(store)
        } catch {
            result = .failure(CommandFailure(code: 2, message: error.description))
        }
        opened = result
        return try result.get()
    }

    /// The annotations, for commands that show them; none (with a warning)
    /// when the library cannot be opened.
    static func annotations() -> Annotations {
        do {
            return Annotations(byRecord: try open().annotations())
        } catch let failure as CommandFailure {
            Console.error("\(failure.message ?? "the library cannot be opened"); shown without your stars, tags, notes and places")
        } catch {
            Console.error("\(error); shown without your stars, tags, notes and places")
        }
        return Annotations()
    }
}
