import Foundation

/// The records a user has imported, kept in ostrom's own record JSON (every
/// kind and field, as `list --format json` prints them) in
/// `$XDG_DATA_HOME/ostrom/library.json` (default `~/.local/share/ostrom/`).
/// A library written as CSL-JSON by earlier versions is read too. A file
/// that cannot be read is never taken as empty: loading it throws, and
/// nothing is written over it.
public struct UserLibrary {
    public static let fileName = "library.json"

    /// What an import did.
    public struct Report: Equatable, Sendable {
        public var added = 0
        public var updated = 0
        public var skipped = 0
    }

    public static func folder(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/ostrom" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/ostrom"
    }

    public let path: String
    public private(set) var records: [Record]

    /// The library in a folder (empty when there is none yet); a library
    /// file that is there but cannot be read (cut off, another format, not
    /// readable) throws, naming it.
    public init(folder: String) throws(LibraryError) {
        path = folder + "/" + Self.fileName
        guard FileManager.default.fileExists(atPath: path) else {
            records = []
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LibraryError(path: path, reason: "your library cannot be read (permissions?); it is left as it is")
        }
        records = try Self.records(in: data, path: path)
    }

    private static func records(in data: Data, path: String) throws(LibraryError) -> [Record] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else {
            throw LibraryError(path: path, reason: "your library is not valid JSON (cut off?); it is left as it is")
        }
        if let items = json as? [Any], items.isEmpty { return [] }
        if RecordJSONReader.isRecordArray(json) {
            do throws(RecordJSONReader.Failure) {
                return try RecordJSONReader.records(from: json)
            } catch {
                throw LibraryError(path: path, reason: "your library cannot be read (\(error)); it is left as it is")
            }
        }
        // Earlier versions kept the library as CSL-JSON.
        var context = ImportContext()
        guard let imported = CSLJSONImporter().importIfRecognised(SourceDocument(path: path, bytes: data), context: &context) else {
            throw LibraryError(path: path, reason: "your library is in a form ostrom does not know; it is left as it is")
        }
        return imported.records
    }

    /// Adds records, deduplicating by DOI, else by folded title and year:
    /// a duplicate gains the fields it lacked (updated) or is skipped.
    /// Works are looked up in a table, not record by record.
    public mutating func add(_ incoming: [Record]) -> Report {
        var report = Report()
        var byDOI: [String: Int] = [:]
        var byTitle: [String: Int] = [:]
        for (index, record) in records.enumerated() { remember(record, at: index, byDOI: &byDOI, byTitle: &byTitle) }
        for record in incoming {
            let found = record.doi.flatMap { byDOI[$0.lowercased()] } ?? byTitle[Self.titleKey(record)].flatMap { index in
                // Two DOIs that differ are two works, whatever their titles.
                records[index].doi == nil || record.doi == nil ? index : nil
            }
            guard let index = found else {
                remember(record, at: records.count, byDOI: &byDOI, byTitle: &byTitle)
                records.append(record)
                report.added += 1
                continue
            }
            let merged = Self.filled(records[index], from: record)
            if merged == records[index] { report.skipped += 1 } else {
                records[index] = merged
                report.updated += 1
            }
        }
        return report
    }

    public func save() throws(AtomicFile.WriteError) {
        try AtomicFile.write(Data((RecordJSON.value(of: records, now: .now()).serialized() + "\n").utf8), to: path)
    }

    private func remember(_ record: Record, at index: Int, byDOI: inout [String: Int], byTitle: inout [String: Int]) {
        if let doi = record.doi?.lowercased(), byDOI[doi] == nil { byDOI[doi] = index }
        let key = Self.titleKey(record)
        if byTitle[key] == nil { byTitle[key] = index }
    }

    /// The folded title and the year.
    static func titleKey(_ record: Record) -> String {
        ASCIIFolding.alphanumerics(record.title) + "|" + (record.year.map(String.init) ?? "")
    }

    /// `record` with the fields it lacks taken from `other`.
    static func filled(_ record: Record, from other: Record) -> Record {
        var result = record
        if result.authors.isEmpty { result.authors = other.authors }
        if result.date == nil || (other.date?.month != nil && result.date?.month == nil) { result.date = other.date ?? result.date }
        result.container = result.container ?? other.container
        result.volume = result.volume ?? other.volume
        result.issue = result.issue ?? other.issue
        result.pages = result.pages ?? other.pages
        result.publisher = result.publisher ?? other.publisher
        result.doi = result.doi ?? other.doi
        result.url = result.url ?? other.url
        result.publisherPlace = result.publisherPlace ?? other.publisherPlace
        if result.issn.isEmpty { result.issn = other.issn }
        result.abstract = result.abstract ?? other.abstract
        if result.keywords.isEmpty { result.keywords = other.keywords }
        result.language = result.language ?? other.language
        return result
    }
}
