import Foundation

/// The records to browse, with every problem met while loading them.
public struct Library: Sendable {
    public var records: [Record]
    public var diagnostics: [Diagnostic]

    public init(records: [Record] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }

    /// Imports documents in order and assigns ids.
    public init(documents: [SourceDocument], recognizer: DocumentRecognizer = DocumentRecognizer(), progress: ReadingProgress? = nil,
                keepsLongTexts: Bool = false) {
        var result = ImportResult()
        var context = ImportContext()
        context.progress = progress
        context.keepsLongTexts = keepsLongTexts
        for (number, document) in documents.enumerated() {
            result.append(recognizer.importRecords(from: document, context: &context))
            if document.wasCutShort {
                result.diagnostics.append(Diagnostic(path: document.path, line: nil, severity: .warning,
                                                     message: "another program cut the file short while it was read; what stood past its new end is left out"))
            }
            // A file's records not offered while it was read are, before the next
            // file's (the last file's come with the library: `ReadingProgress`).
            if let progress, number < documents.count - 1, progress.takesRecords {
                result.records.withUnsafeBufferPointer { progress.offer(UnsafeBufferPointer(rebasing: $0.dropFirst(progress.offered))) }
            }
        }
        // Taken out of the result, so that assigning ids does not copy them.
        var records = result.records
        result.records = []
        progress?.offersEnd()
        if let progress, !records.isEmpty, progress.handedOver == records.count {
            // Each was handed over with its key checked to be the first of its kind: its id.
            RecordIdentifiers.useKeys(&records)
        } else {
            RecordIdentifiers.assign(&records)
        }
        self.init(records: records, diagnostics: result.diagnostics + Self.repeatedKeys(in: records))
    }

    /// A citation key given twice (BibTeX keys, RIS `ID`, CSL `id`) stays
    /// with its first record; each later one is reported with the id it got.
    static func repeatedKeys(in records: [Record]) -> [Diagnostic] {
        // Usually every key is the id it gave: then there is nothing to look up.
        guard records.contains(where: { $0.citationKey != nil && $0.citationKey != $0.id }) else { return [] }
        var first: [String: SourceReference] = [:]
        var diagnostics: [Diagnostic] = []
        for record in records {
            guard let key = record.citationKey, let source = record.source else { continue }
            guard record.id != key, let earlier = first[key] else {
                if first[key] == nil { first[key] = source }
                continue
            }
            let place = earlier.path == source.path ? "at line \(earlier.bodyLine ?? 1)" : "in \(earlier.path):\(earlier.bodyLine ?? 1)"
            diagnostics.append(Diagnostic(path: source.path, line: source.bodyLine, severity: .warning,
                                          message: "citation key “\(key)” is used before, \(place); this entry gets the id \(record.id)"))
        }
        return diagnostics
    }

    /// The starter corpus compiled into the binary.
    /// Kept as the importers read it (`BuiltInRecords`, which a test keeps
    /// equal to `importedBuiltIn()`): decoding takes a fraction of a
    /// millisecond where importing took some 20 at every start.
    public static func builtIn() -> Library {
        Library(records: BuiltInRecords.records)
    }

    /// The starter corpus imported from its documents in `Resources/`.
    static func importedBuiltIn() -> Library {
        let documents = EmbeddedResources.names.filter { $0.hasSuffix(".txt") }.map { name in
            SourceDocument(path: "builtin:" + name, bytes: EmbeddedResources.data(named: name))
        }
        return Library(documents: documents)
    }

    /// The files and folders (recursively, hidden entries skipped) given on
    /// the command line. A path that does not exist throws, and so does a
    /// load where no file could be read at all; a file that cannot be read,
    /// or is not text, is reported and skipped while the rest loads.
    /// `keepsLongTexts`: see `ImportContext`.
    public static func load(paths: [String], progress: ReadingProgress? = nil, keepsLongTexts: Bool = false) throws(LibraryError) -> Library {
        var documents: [SourceDocument] = []
        var diagnostics: [Diagnostic] = []
        var unreadable: [LibraryError] = []
        var sawFolder = false
        for path in paths {
            guard let kind = RawPath.kind(of: path) else {
                throw LibraryError(path: path, reason: "no such file or directory")
            }
            if kind == .folder {
                sawFolder = true
                guard let files = files(under: path) else {
                    throw LibraryError(path: path, reason: "folder cannot be read")
                }
                for file in files {
                    do throws(LibraryError) {
                        documents.append(try readDocument(file))
                    } catch {
                        diagnostics.append(Diagnostic(path: file, line: nil, severity: .warning, message: "\(error.reason); skipped"))
                    }
                }
            } else {
                do throws(LibraryError) {
                    documents.append(try readDocument(path))
                } catch {
                    unreadable.append(error)
                    diagnostics.append(Diagnostic(path: path, line: nil, severity: .warning, message: "\(error.reason); skipped"))
                }
            }
        }
        // Among others, an unreadable file is a warning; when no file named could be read, an error.
        if documents.isEmpty, !sawFolder, let first = unreadable.first {
            throw unreadable.count == 1 ? first
                : LibraryError(path: first.path, reason: "no file could be read (\(unreadable.map(\.description).joined(separator: "; ")))")
        }
        var library = Library(documents: documents, progress: progress, keepsLongTexts: keepsLongTexts)
        library.diagnostics = diagnostics + library.diagnostics
        return library
    }

    static func readDocument(_ path: String) throws(LibraryError) -> SourceDocument {
        guard var data = RawPath.contents(of: path) else {
            throw LibraryError(path: path, reason: "file cannot be read")
        }
        // UTF-16 with a byte order mark (Windows tools write it): read as UTF-8.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw LibraryError(path: path, reason: "not valid UTF-16, though it starts with a UTF-16 byte order mark")
            }
            data = Data(text.utf8)
        }
        // Binary files have NUL bytes everywhere; a text file may have a stray one.
        let head = data.prefix(8192)
        if head.reduce(0, { $1 == 0 ? $0 + 1 : $0 }) * 100 > head.count {
            throw LibraryError(path: path, reason: "binary file (holds NUL bytes), not text")
        }
        return SourceDocument(path: path, bytes: data, readOnce: true)
    }

    /// How many bytes `load(paths:)` would read: the files named and those
    /// below the folders named. Nil when a path does not exist, a folder
    /// cannot be listed or a file named cannot be opened (the load would
    /// end with an error or a warning about it, best given at once).
    public static func bytesToRead(paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            switch RawPath.kind(of: path) {
            case .file:
                guard RawPath.withCString(path, { access($0, R_OK) }) == 0, let size = RawPath.fileSize(of: path) else { return nil }
                total += size
            case .folder:
                guard let files = files(under: path) else { return nil }
                total += files.reduce(0) { $0 + (RawPath.fileSize(of: $1) ?? 0) }
            case nil:
                return nil
            }
        }
        return total
    }

    /// Regular files below a folder, sorted by path, hidden ones left out;
    /// names that are not UTF-8 are listed too (RawPath). Nil when the
    /// folder cannot be read.
    static func files(under folder: String) -> [String]? {
        guard let names = RawPath.names(in: folder) else { return nil }
        var paths: [String] = []
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            switch RawPath.kind(of: path) {
            case .file: paths.append(path)
            case .folder: paths += files(under: path) ?? []
            case nil: break
            }
        }
        return paths.sorted()
    }

    /// This library with more records after its own: ids here are kept, and
    /// a newcomer whose id is taken gets a suffix (the user library's
    /// `tuurnas2016` beside the built-in one is `tuurnas2016a`, in `list` as
    /// in the browser, which shows the first records before the rest come).
    public func adding(_ more: [Record]) -> Library {
        guard !more.isEmpty else { return self }
        var ids = Set(records.map(\.id))
        var more = more
        RecordIdentifiers.keepTaken(&more, ids: &ids)
        return Library(records: records + more, diagnostics: diagnostics)
    }

    /// The record with this id, if any.
    public func record(withID id: String) -> Record? {
        records.first { $0.id == id }
    }
}

/// A path given to load that cannot be used at all.
public struct LibraryError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(RawPath.display(path)): \(reason)" }
}
