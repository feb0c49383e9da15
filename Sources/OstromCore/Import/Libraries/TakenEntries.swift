import Foundation

/// What stays of the entries whose records were made while the file was
/// parsed (`RecordsWhileParsing`) once the parser has let them go (a
/// million entries' fields took 600 MB until the parse was over): what
/// each record entry lacks, where it is in the file, and the entries that
/// are no records (`@xdata`, `@set`: few, and parents). An entry later in
/// the file that inherits from a record entry has that one's fields read
/// again (`addParents`).
struct TakenEntries {
    /// The file's, for the warnings.
    let path: String
    private(set) var others: [BibTeXParser.Entry] = []
    /// Where each record entry's key starts (`Entry.bytes`), in the order of their records.
    private var starts: [Int] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    /// Takes what stays of an entry taken, in the file's order: `isRecord`
    /// tells a record entry from an `@xdata` or `@set`.
    mutating func add(_ entry: borrowing BibTeXParser.Entry, isRecord: Bool) {
        guard isRecord else { return others.append(copy entry) }
        starts.append(entry.bytes.lowerBound)
        diagnostics += BibTeXImporter.lacking(entry, hasTitle: entry.fields.contains { $0.name == "title" }, path: path)
    }

    /// Adds to `byKey` (the entries of `all` by lowercased key) the record
    /// entries taken that entries of `all` inherit from, read again from
    /// the file: each key's first in the file wins, as it does in `byKey`.
    /// `records` are those made of the entries taken, in order.
    func addParents(to byKey: inout [String: BibTeXParser.Entry], wantedBy all: [BibTeXParser.Entry],
                    records: UnsafeBufferPointer<Record>, parser: borrowing BibTeXParser) {
        let wanted = Set(all.flatMap { entry in ((entry.crossref.map { [$0] } ?? []) + entry.xdata).map { $0.lowercased() } })
        guard !wanted.isEmpty else { return }
        var seen: Set<String> = []
        for index in starts.indices {
            guard let key = records[index].citationKey?.lowercased(), wanted.contains(key), seen.insert(key).inserted else { continue }
            let start = starts[index]
            if let other = byKey[key], other.bytes.lowerBound < start { continue }
            let line = records[index].source?.bodyLine ?? 0
            guard let fields = parser.fieldsReadAgain(ofEntryAt: start, line: line) else { continue }
            byKey[key] = BibTeXParser.Entry(type: "", key: key, fields: fields, line: line, bytes: start..<start, crossref: nil)
        }
    }
}
