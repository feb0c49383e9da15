import BrowserUI
import Foundation
import NcursesTerminal
import OstromCore

/// The interactive browser on a real terminal: set up ncurses, run the
/// loop, and give the terminal back whichever way it ends.
enum BrowserSession {
    /// The pager alone, on a text: `q` ends the program.
    static func page(_ pager: PagerState) throws {
        let terminal = try openTerminal()
        let stateFolder = StateLocation.folder(environment: ProcessInfo.processInfo.environment)
        // The pager has no events: no need to know what time it is.
        var state = AppState(records: [], ladder: nil, now: LocalDateTime(date: PartialDate(year: 1970), hour: 0, minute: 0),
                             size: terminal.size)
        state.readingPositions = stateFolder.map(ReadingPositions.load(folder:)) ?? ReadingPositions()
        state.quitsWithLastOverlay = true
        state.openPager(pager)
        let driver = AppDriver(state: state, backend: terminal) { perform($0, in: stateFolder, on: terminal) }
        driver.run { stopUnlessCancelling(driver, terminal) }
        terminal.close()
        if let signal = terminal.exitSignal { throw CommandFailure(code: 128 + signal, message: nil) }
    }

    /// Runs what the app asked for: saving user state, copying, opening a
    /// link, editing a note.
    private static func perform(_ effect: Effect, in folder: String?, on terminal: NcursesTerminal) -> EffectOutcome {
        func save(_ write: (String) throws -> Void) -> EffectOutcome {
            guard let folder else { return .failed("not saved: set HOME or XDG_STATE_HOME") }
            do {
                try write(folder)
                return .done
            } catch {
                return .failed("not saved: \(error)")
            }
        }
        switch effect {
        case .copyToClipboard(let text):
            terminal.copyToClipboard(text)
            return .done
        case .openLink(let link):
            return LinkOpener.open(link).map(EffectOutcome.failed) ?? .done
        case .saveSearchHistory(let history):
            return save { try history.save(folder: $0) }
        case .saveReadingPositions(let positions):
            return save { try positions.save(folder: $0) }
        case .saveAnnotations(var annotations):
            var warning: String?
            // Half a second at most for another instance's save: the changes
            // stay pending and go with the next save if it takes longer.
            let outcome = save { warning = try annotations.save(folder: $0, lockWait: 0.5) }
            guard case .done = outcome else { return outcome }
            return .annotationsSaved(annotations, warning: warning)
        case .editNote(let recordID, let text):
            var result: Result<String, NoteEditor.Failure> = .failure(NoteEditor.Failure(reason: ""))
            terminal.runOutside { result = NoteEditor.edit(text, name: recordID) }
            switch result {
            case .success(let edited): return .noteEdited(recordID: recordID, text: edited)
            case .failure(let failure): return .failed("note not edited: \(failure.reason)")
            }
        }
    }

    /// Ctrl-C ends the program, except while a search runs: then it
    /// cancels the search.
    private static func stopUnlessCancelling(_ driver: AppDriver, _ terminal: NcursesTerminal) -> Bool {
        if terminal.exitSignal == SIGINT, driver.interruptRunningSearch() {
            terminal.clearExitSignal()
            return false
        }
        return terminal.shouldStop
    }

    private static func openTerminal() throws -> NcursesTerminal {
        do {
            return try NcursesTerminal.open()
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
    }

    static func run(records: [Record], loadWarnings: [String]) throws {
        let ladder: LadderModel
        do {
            ladder = try LadderModel.builtIn()
        } catch {
            throw CommandFailure(code: 2, message: "the built-in ladder model cannot be read: \(error)")
        }
        let terminal = try openTerminal()
        let stateFolder = StateLocation.folder(environment: ProcessInfo.processInfo.environment)
        let history = stateFolder.map(SearchHistory.load(folder:)) ?? SearchHistory()
        var state = AppState(records: records, ladder: ladder, now: .now(), size: terminal.size, history: history)
        state.readingPositions = stateFolder.map(ReadingPositions.load(folder:)) ?? ReadingPositions()
        if let loaded = stateFolder.map(Annotations.load(folder:)) {
            state.annotations = loaded.annotations
            if let warning = loaded.warning { state.log(warning) }
        }
        for warning in loadWarnings { state.log(warning) }
        if !state.messageLog.isEmpty {
            state.message = state.messageLog.count == 1 ? state.messageLog[0]
                : "\(state.messageLog.count) warnings while loading — ! shows them"
        }
        let driver = AppDriver(state: state, backend: terminal) { perform($0, in: stateFolder, on: terminal) }
        driver.run { stopUnlessCancelling(driver, terminal) }
        terminal.close()
        // Ended by SIGINT, SIGTERM or SIGHUP: the terminal is restored; exit as the shell expects.
        if let signal = terminal.exitSignal { throw CommandFailure(code: 128 + signal, message: nil) }
    }
}
