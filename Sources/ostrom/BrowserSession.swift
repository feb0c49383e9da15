import BrowserUI
import Configuration
import Foundation
import LibraryStore
import NcursesTerminal
import OstromCore

/// The interactive browser on a real terminal: set up ncurses, run the
/// loop, and give the terminal back whichever way it ends.
enum BrowserSession {
    /// The pager alone, on a text: `q` ends the program.
    static func page(_ pager: PagerState) throws {
        let store = openStore()
        let config = Config.load(environment: ProcessEnvironment.variables)
        let terminal = try openTerminal(config)
        // The file paged is mapped: its watch comes before the terminal's crash handler.
        RawPath.watchMappedFilesFirst()
        // The pager has no events: no need to know what time it is.
        var state = AppState(records: [], ladder: nil, now: LocalDateTime(date: PartialDate(year: 1970), hour: 0, minute: 0),
                             size: terminal.size, keyMap: config.keyMap)
        state.useConfigured(theme: config.palette.rawValue, listShare: config.listShare)
        state.report(config.problems.map(\.description), brief: config.problems.first?.brief)
        state.readingPositions = (try? store.get().readingPositions()) ?? ReadingPositions()
        state.quitsWithLastOverlay = true
        state.openPager(pager)
        let removed = RemovedRecords()
        let driver = AppDriver(state: state, backend: terminal) { perform($0, in: store, removed: removed, on: terminal) }
        driver.run { stopUnlessCancelling(driver, terminal) }
        terminal.close()
        if let signal = terminal.exitSignal { throw CommandFailure(code: 128 + signal, message: nil) }
    }

    /// Runs what the app asked for: saving user state, copying, opening a
    /// link, editing a note.
    /// Records removed this session, kept to put back on `u`.
    private final class RemovedRecords {
        var records: [String: StoredRecord] = [:]
    }

    private static func perform(_ effect: Effect, in store: Result<LibraryStore, CommandFailure>, removed: RemovedRecords,
                                on terminal: NcursesTerminal) -> EffectOutcome {
        func save(_ write: (LibraryStore) throws -> Void) -> EffectOutcome {
            do {
                try write(try store.get())
                return .done
            } catch let failure as CommandFailure {
                return .failed("not saved: \(failure.message ?? "the library cannot be opened")")
            } catch let failure as DatabaseError {
                // The reason first: a long path is cut at the row's end.
                return .failed("not saved: \(failure.message) (\(RawPath.display(failure.path)))")
            } catch {
                return .failed("not saved: \(error)")
            }
        }
        switch effect {
        case .export(let records, let format, let path):
            return .exportStarted(BackgroundExport(records: records, format: format, path: path, now: .now()))
        case .useTheme(let name):
            terminal.use(Theme.Palette(rawValue: name) ?? .dark)
            return .done
        case .copyToClipboard(let text):
            terminal.copyToClipboard(text)
            return .done
        case .openLink(let link):
            return LinkOpener.open(link).map(EffectOutcome.failed) ?? .done
        case .openFile(let path):
            return LinkOpener.openFile(path).map(EffectOutcome.failed) ?? .done
        case .pagePDF(let path, let title, let recordID):
            switch PDFText.text(of: path) {
            case .success(let text): return .pdfText(title: title, text: text, recordID: recordID)
            case .failure(let failure): return .pdfTextUnavailable(recordID: recordID, reason: failure.reason)
            }
        case .addToSearchHistory(let query):
            return save { try $0.addToSearchHistory([query]) }
        case .saveReadingPositions(let positions):
            return save { try $0.save(positions) }
        case .saveSettings(let settings):
            return save { try $0.save(settings: settings) }
        case .saveAnnotations(var annotations):
            // If another instance writes for longer than the store waits, the
            // changes stay pending and go with the next save.
            let outcome = save { try $0.save(&annotations) }
            guard case .done = outcome else { return outcome }
            return .annotationsSaved(annotations)
        case .removeRecords(let ids):
            do {
                for stored in try store.get().remove(ids: ids) { removed.records[stored.record.id] = stored }
                return .done
            } catch let failure as CommandFailure {
                return .removalFailed(recordIDs: ids, reason: "not removed: \(failure.message ?? "the library cannot be opened")")
            } catch {
                return .removalFailed(recordIDs: ids, reason: "not removed: \(error)")
            }
        case .restoreRecords(let ids):
            return save { try $0.restore(ids.compactMap { removed.records.removeValue(forKey: $0) }) }
        case .editRecord(let recordID):
            guard let opened = try? store.get(), let original = try? opened.record(id: recordID) else {
                return .failed("\(recordID) cannot be read from your library")
            }
            var outcome = RecordEditor.Outcome.unchanged
            terminal.runOutside { outcome = RecordEditor.edit(original, as: .preferred(for: original), in: opened) }
            switch outcome {
            case .saved(let record): return .recordEdited(record)
            case .unchanged: return .failed("\(recordID) unchanged")
            case .abandoned(let reason): return .failed("not saved: \(reason); \(recordID) is as it was")
            case .failed(let reason): return .failed("not edited: \(reason)")
            }
        case .editNote(let recordID, let text):
            var result: Result<String, NoteEditor.Failure> = .failure(NoteEditor.Failure(reason: ""))
            terminal.runOutside { result = NoteEditor.edit(text, name: recordID) }
            switch result {
            case .success(let edited): return .noteEdited(recordID: recordID, text: edited)
            case .failure(let failure): return .failed("note not edited: \(failure.reason)")
            }
        }
    }

    /// An `:export` still being written when the browser quits is finished
    /// (or, quit by a signal, cancelled), and its end said on stderr.
    private static func finishExport(_ export: BackgroundExport?, cancelled: Bool) {
        guard let export else { return }
        if cancelled { export.cancel() }
        _ = export.waitForOutcome()
        if let summary = export.summary { Console.error(summary) }
    }

    /// Ctrl-C ends the program, except while a search or an export runs:
    /// then it cancels that.
    private static func stopUnlessCancelling(_ driver: AppDriver, _ terminal: NcursesTerminal) -> Bool {
        if terminal.exitSignal == SIGINT, driver.interruptRunningWork() {
            terminal.clearExitSignal()
            return false
        }
        return terminal.shouldStop
    }

    /// The library for the user's state, waiting half a second at most for
    /// another instance's write (a frame's worth of patience, not a freeze).
    private static func openStore() -> Result<LibraryStore, CommandFailure> {
        do {
            let store = try UserLibrary.open()
            store.waitWhenBusy(seconds: 0.5)
            return .success(store)
        } catch let failure as CommandFailure {
            return .failure(failure)
        } catch {
            return .failure(CommandFailure(code: 2, message: "\(error)"))
        }
    }

    private static func openTerminal(_ config: Config) throws -> NcursesTerminal {
        do {
            return try NcursesTerminal.open(environment: ProcessEnvironment.variables, palette: config.palette, overrides: config.colours)
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
    }

    /// The browser on files' records (the placement engine prepared
    /// before they are read).
    static func run(records: [Record], loadWarnings: [String]) throws {
        try browse(records: records, library: nil, loadWarnings: loadWarnings)
    }

    /// Files this large in all are read after the first screen.
    static let backgroundBytes = 8 << 20

    /// Whether `paths` (files, or folders of them) hold enough to be read
    /// after the first screen; a path that does not exist or cannot be read
    /// is read before it, so that the command still ends with its error.
    static func readsInBackground(_ paths: [String]) -> Bool {
        !paths.isEmpty && (Library.bytesToRead(paths: paths) ?? 0) >= backgroundBytes
    }

    /// The browser on large files or folders, shown at once: they are read
    /// on another thread, their records listed as they are made (the status
    /// row says how many meanwhile), and the search index built after them.
    static func runFiles(_ paths: [String]) throws {
        let source = paths.count == 1 ? RawPath.display(RawPath.lastComponent(of: paths[0])) : "\(paths.count) paths"
        let (mailbox, index) = RecordsInBackground.reading(paths, source: source)
        try browse(records: [], library: nil, loadWarnings: [], reading: (mailbox, index))
    }

    /// The browser on the default library: the built-in records and yours,
    /// the first screen shown before a large library is all read.
    static func runLibrary() throws {
        // The first screen places its first record: the engine is built
        // meanwhile, while the library and the terminal open.
        PlacementEngine.prepareBuiltIn()
        let builtIn = Library.builtIn().records
        var start = LibraryStart(builtIn: builtIn)
        var warnings: [String] = []
        if let store = try? openStore().get() {
            do {
                start = try LibraryStart(store: store, builtIn: builtIn, program: OstromCommand.version)
            } catch {
                warnings.append("\(error); only the built-in records are shown")
            }
        }
        try browse(records: start.records, library: start, loadWarnings: warnings)
    }

    /// The browser; with `library` the records are the user's library
    /// (whose records `D` and `E` may change), not files.
    /// `reading`: the records still to come, and their index.
    private static func browse(records: [Record], library: LibraryStart?, loadWarnings: [String],
                               reading: (mailbox: RecordsInBackground, index: IndexInBackground)? = nil) throws {
        let ladder = LadderModel.builtIn()
        let store = openStore()
        let config = Config.load(environment: ProcessEnvironment.variables)
        let terminal = try openTerminal(config)
        // A large file being read is mapped: its watch comes before the terminal's crash handler.
        RawPath.watchMappedFilesFirst()
        // Indexed on another thread, whatever the size: the first screen
        // does not wait for it (a query typed meanwhile runs once it is).
        let index = library?.index ?? reading?.index ?? IndexInBackground { SearchIndex(records: records) }
        var state = AppState(records: records, ladder: ladder, now: .now(), size: terminal.size, keyMap: config.keyMap,
                             history: (try? store.get().searchHistory()) ?? SearchHistory(), index: index,
                             keptPlacements: library == nil ? nil : (try? store.get())?.placementsPath)
        state.useConfigured(theme: config.palette.rawValue, listShare: config.listShare)
        state.asksBeforeQuitting = config.confirmsQuit
        state.columns = config.columns
        state.allowsTypos = config.allowsTypos
        state.loading = library?.loading ?? reading?.mailbox
        var warnings = config.problems.map(\.description) + loadWarnings
        do {
            let opened = try store.get()
            state.readingPositions = try opened.readingPositions()
            state.annotations = Annotations(byRecord: try opened.annotations())
            state.addedDays = try library?.addedDays ?? opened.addedDays()
            if library != nil { state.libraryRecordIDs = Set(state.addedDays.keys) }
            state.restore(try opened.settings())
            warnings = opened.warnings + warnings
        } catch let failure as CommandFailure {
            warnings.insert("\(failure.message ?? "the library cannot be opened"); your stars, tags and notes are not shown", at: 0)
        } catch {
            warnings.insert("\(error); your stars, tags and notes are not shown", at: 0)
        }
        state.report(warnings, brief: warnings.count == 1 ? config.problems.first?.brief : nil)
        if let reading, warnings.isEmpty { state.message = "reading \(reading.mailbox.source)…" }
        let removed = RemovedRecords()
        let driver = AppDriver(state: state, backend: terminal) { perform($0, in: store, removed: removed, on: terminal) }
        driver.run { stopUnlessCancelling(driver, terminal) }
        terminal.close()
        // The records, index and placements go with the process (the driver is let go of: it holds the database).
        keepUntilExit(driver.state)
        finishExport(driver.state.exportInProgress, cancelled: terminal.exitSignal != nil)
        // Ended by SIGINT, SIGTERM or SIGHUP: the terminal is restored; exit as the shell expects.
        if let signal = terminal.exitSignal { throw CommandFailure(code: 128 + signal, message: nil) }
    }
}
