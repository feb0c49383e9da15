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
            let store = try LibraryStore(environment: ProcessEnvironment.variables, wait: 30) {
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

    /// Lets the library go: it is closed once nothing else holds it (a
    /// browser's reading thread may, until it ends).
    static func close() {
        opened = nil
    }

    /// What the user added, for commands that show or filter by it; none
    /// (with a warning) when the library cannot be opened.
    static func state() -> SavedState {
        do {
            let store = try open()
            return SavedState(annotations: Annotations(byRecord: try store.annotations()), addedDays: try store.addedDays())
        } catch let failure as CommandFailure {
            Console.error("\(failure.message ?? "the library cannot be opened"); shown without your stars, tags, notes and places")
        } catch {
            Console.error("\(error); shown without your stars, tags, notes and places")
        }
        return SavedState()
    }
}

/// The user's stars, tags, notes and places, and the day each library
/// record was added.
struct SavedState {
    var annotations = Annotations()
    var addedDays: [String: String] = [:]

    /// A record as JSON with the user's state in it.
    func json(_ record: Record) -> JSONValue {
        RecordJSON.value(of: record, now: .now(), annotation: annotations[record.id], added: addedDays[record.id])
    }
}
