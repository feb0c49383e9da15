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
    /// How much of a large file is read to tell whether it is a library.
    static let headBytes = 256 << 10

    func run() throws {
        if let mistyped = mistypedCommand() {
            throw CommandFailure(code: 2, message: mistyped)
        }
        if let file = singlePlainFile() {
            try PageCommand.page(file)
            return
        }
        let interactive = Self.isInteractive
        if interactive && library.paths.isEmpty { return try BrowserSession.runLibrary() }
        if interactive && BrowserSession.readsInBackground(library.paths) { return try BrowserSession.runFiles(library.paths) }
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
    private func mistypedCommand() -> String? {
        guard let word = library.paths.first, !word.contains("/"), !word.contains("."), RawPath.kind(of: word) == nil else { return nil }
        let names = OstromCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        let close = EditDistance.closest(to: word, among: names)
        guard let best = close.first else { return nil }
        let others = close.dropFirst().map { "`\($0)`" }
        return "no command or file “\(word)”; did you mean `\(best)`" + (others.isEmpty ? "" : " (or " + others.joined(separator: ", ") + ")") + "?"
    }

    /// `ostrom FILE` for a file no importer recognises, or a large one
    /// that is not a library: the file is paged, like `less FILE`.
    private func singlePlainFile() -> String? {
        guard library.paths.count == 1, let path = library.paths.first,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        if let size = attributes[.size] as? Int, size > Self.pageAtOnceBytes {
            let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: Self.headBytes) } ?? Data()
            return DocumentRecognizer.startsALibrary(SourceDocument(path: path, bytes: head)) ? nil : path
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let result = DocumentRecognizer().importRecords(from: SourceDocument(path: path, bytes: data))
        return result.records.count == 1 && result.records[0].source?.format == PlainNoteImporter().format ? path : nil
    }
}
