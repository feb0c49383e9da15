import BrowserUI
import Foundation
import NcursesTerminal
import OstromCore

/// The interactive browser on a real terminal: set up ncurses, run the
/// loop, and give the terminal back whichever way it ends.
enum BrowserSession {
    static func run(records: [Record]) throws {
        let ladder: LadderModel
        do {
            ladder = try LadderModel.builtIn()
        } catch {
            throw CommandFailure(code: 2, message: "the built-in ladder model cannot be read: \(error)")
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.open()
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
        let stateFolder = StateLocation.folder(environment: ProcessInfo.processInfo.environment)
        let history = stateFolder.map(SearchHistory.load(folder:)) ?? SearchHistory()
        let state = AppState(records: records, ladder: ladder, now: .now(), size: terminal.size, history: history)
        let driver = AppDriver(state: state, backend: terminal) { effect in
            switch effect {
            case .saveSearchHistory(let history):
                guard let stateFolder else { return "search history not saved: set HOME or XDG_STATE_HOME" }
                do {
                    try history.save(folder: stateFolder)
                    return nil
                } catch {
                    return "search history not saved: \(error)"
                }
            }
        }
        driver.run { terminal.shouldStop }
        terminal.close()
        // Ended by SIGINT, SIGTERM or SIGHUP: the terminal is restored; exit as the shell expects.
        if let signal = terminal.exitSignal { throw CommandFailure(code: 128 + signal, message: nil) }
    }
}
