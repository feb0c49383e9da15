import ArgumentParser
import Foundation
import OstromCore

/// `ostrom`: the command line; with no subcommand it runs `browse`.
struct OstromCommand: ParsableCommand {
    /// Printed by `ostrom --version`.
    static let version = "ostrom 0.6.0"

    static let configuration = CommandConfiguration(
        commandName: "ostrom",
        abstract: "Browse the literature and practice of co-production of public services.",
        discussion: "Exit codes: 0 ok, 1 nothing found, 2 bad usage or unreadable input.",
        version: OstromCommand.version,
        subcommands: [BrowseCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, LadderCommand.self, PageCommand.self, ImportCommand.self, AddCommand.self, EditCommand.self, RemoveCommand.self, ExportCommand.self, AnnotateCommand.self, PlaceCommand.self, ConfigCommand.self],
        defaultSubcommand: BrowseCommand.self
    )

    /// The subcommands' names (`help`, the parser's own, is not one).
    static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }
}

/// `ostrom [browse] [PATH...]`: the browser on the library (or the files
/// given); when stdin or stdout is not a terminal, the list instead.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the browser (the default). Prints the list when not on a terminal.")

    @OptionGroup var library: LibraryOptions

    /// Whether stdin and stdout are a terminal: the browser, else the list.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// A single file larger than this is paged rather than imported,
    /// unless it starts as a library does (BibTeX, RIS, CSL-JSON).
    static let pageAtOnceBytes = 8 << 20
    /// How much of a large file is read to tell whether it is a library:
    /// the first look, enough for almost every library, then the most
    /// (past a long preamble or comment).
    static let headBytes = (first: 16 << 10, most: 256 << 10)

    func run() throws {
        try Self.browse(library)
    }

    /// Whether `ostrom ARGUMENTS` opens the browser on files the parser
    /// need not read: on a terminal, every argument an existing file or
    /// folder, none an option, the first no command's name.
    static func opensFilesAsTheyAre(_ arguments: [String]) -> Bool {
        guard let first = arguments.first, isInteractive, !OstromCommand.commandNames.contains(first), first != "help" else { return false }
        return arguments.allSatisfy { !$0.hasPrefix("-") && RawPath.kind(of: $0) != nil }
    }

    static func browse(_ library: LibraryOptions) throws {
        if let mistyped = mistypedCommand(library) {
            throw CommandFailure(code: 2, message: mistyped)
        }
        if let file = singlePlainFile(library) {
            try PageCommand.page(file)
            return
        }
        let interactive = isInteractive
        if interactive && library.paths.isEmpty { return try BrowserSession.runLibrary() }
        if interactive && BrowserSession.readsInBackground(library.paths) { return try BrowserSession.runFiles(library.paths) }
        // The first screen places its first record: the engine is built
        // while the files are read.
        if interactive { PlacementEngine.prepareBuiltIn() }
        let loaded = try library.load()
        guard interactive else {
            Console.print(RecordTable.lines(for: loaded.records, width: nil).joined(separator: "\n"))
            return
        }
        try BrowserSession.run(records: loaded.records, loadWarnings: loaded.diagnostics.map(\.description))
    }

    /// `ostrom lsit`: a first word that names no file but is a command's
    /// name mistyped gets the closest names ("did you mean"), not "no such
    /// file". A file of that name is always opened.
    private static func mistypedCommand(_ library: LibraryOptions) -> String? {
        guard let word = library.paths.first, !word.contains("/"), !word.contains("."), RawPath.kind(of: word) == nil else { return nil }
        let close = EditDistance.closest(to: word, among: OstromCommand.commandNames)
        guard let best = close.first else { return nil }
        let others = close.dropFirst().map { "`\($0)`" }
        return "no command or file “\(word)”; did you mean `\(best)`" + (others.isEmpty ? "" : " (or " + others.joined(separator: ", ") + ")") + "?"
    }

    /// `ostrom FILE` for a file no importer recognises, or a large one
    /// that is not a library: the file is paged, like `less FILE`.
    private static func singlePlainFile(_ library: LibraryOptions) -> String? {
        // POSIX, not FileManager: its attributes cost the first screen a millisecond.
        guard library.paths.count == 1, let path = library.paths.first, let size = RawPath.fileSize(of: path) else { return nil }
        if size > pageAtOnceBytes {
            // Reading the most at once took the first screen 0.3 ms.
            let startsALibrary = { (count: Int) in
                DocumentRecognizer.startsALibrary(SourceDocument(path: path, bytes: RawPath.head(of: path, count: count) ?? Data()))
            }
            return startsALibrary(headBytes.first) || startsALibrary(headBytes.most) ? nil : path
        }
        guard let data = RawPath.contents(of: path) else { return nil }
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: path, bytes: data))
        return result.records.count == 1 && result.records[0].source?.format == PlainNoteImporter().format ? path : nil
    }
}
