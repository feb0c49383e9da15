import Foundation

/// The records a user has imported, kept as CSL-JSON in
/// `$XDG_DATA_HOME/ostrom/library.json` (default `~/.local/share/ostrom/`).
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

    /// The library in a folder (empty when there is none yet).
    public init(folder: String) {
        path = folder + "/" + Self.fileName
        if let data = FileManager.default.contents(atPath: path) {
            records = DocumentRecognizer().importRecords(from: SourceDocument(path: path, bytes: data)).records
        } else {
            records = []
        }
    }

    /// Adds records, deduplicating by DOI, else by folded title and year:
    /// a duplicate gains the fields it lacked (updated) or is skipped.
    public mutating func add(_ incoming: [Record]) -> Report {
        var report = Report()
        for record in incoming {
            guard let index = records.firstIndex(where: { Self.sameWork($0, record) }) else {
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
        try AtomicFile.write(Data((CSLJSONExporter.value(of: records).serialized() + "\n").utf8), to: path)
    }

    static func sameWork(_ lhs: Record, _ rhs: Record) -> Bool {
        if let left = lhs.doi?.lowercased(), let right = rhs.doi?.lowercased() { return left == right }
        return ASCIIFolding.alphanumerics(lhs.title) == ASCIIFolding.alphanumerics(rhs.title) && lhs.year == rhs.year
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
