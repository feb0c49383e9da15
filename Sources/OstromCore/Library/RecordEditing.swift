import Foundation

/// A library record as text to edit (`ostrom edit`, `E`) and the edited
/// text read back. BibTeX holds the bibliographic fields and the files; what it cannot
/// hold (speakers, times, place, body, bio, translations, citations, the
/// source) is kept from the record as it was. JSON holds every field.
public enum RecordEditing {
    public enum Format: String, CaseIterable, Sendable {
        case bibtex, json

        /// The file name ending an editor knows the format by.
        public var fileExtension: String { self == .bibtex ? "bib" : "json" }

        /// BibTeX for papers; JSON for the kinds BibTeX says little about.
        public static func preferred(for record: Record) -> Format { record.kind == .paper ? .bibtex : .json }
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// What an error is marked with at the top of a BibTeX text opened again.
    static let errorMark = "% ostrom: "

    public static func text(of record: Record, as format: Format) -> String {
        switch format {
        case .bibtex: return BibTeXExporter.entry(record, key: record.id)
        case .json: return RecordJSON.value(of: record, now: .now()).serialized() + "\n"
        }
    }

    /// The text to edit again after `failure`: for BibTeX the error at the
    /// top, as comments (replacing the earlier ones); JSON as it was.
    public static func text(_ text: String, markedWith failure: Failure, as format: Format) -> String {
        guard format == .bibtex else { return text }
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix(errorMark) }
        return errorMark + failure.description + "\n" + errorMark + "fix it and save, or save it unchanged to leave the record as it was\n"
            + kept.joined(separator: "\n")
    }

    /// The edited record: `original` with what the text says. The id stays.
    public static func record(from text: String, as format: Format, original: Record) throws(Failure) -> Record {
        switch format {
        case .bibtex: return merged(original, try bibTeXRecord(text))
        case .json: return try jsonRecord(text, original: original)
        }
    }

    private static func bibTeXRecord(_ text: String) throws(Failure) -> Record {
        var context = ImportContext()
        let result = BibTeXImporter().importIfRecognised(SourceDocument(path: "edited", bytes: Data(text.utf8)), context: &context)
        guard let result else { throw Failure(description: "no BibTeX entry") }
        // An entry that cannot be read is skipped with a warning: here it is the error.
        if result.records.count != 1, let problem = result.diagnostics.first {
            throw Failure(description: "line \(problem.line ?? 1): \(problem.message)")
        }
        guard result.records.count == 1 else {
            throw Failure(description: result.records.isEmpty ? "no BibTeX entry" : "\(result.records.count) entries; one record is one entry")
        }
        return result.records[0]
    }

    private static func jsonRecord(_ text: String, original: Record) throws(Failure) -> Record {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw Failure(description: "not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"))")
        }
        guard let fields = object as? [String: Any] else { throw Failure(description: "not one JSON object") }
        guard fields["id"] as? String == original.id else { throw Failure(description: "the id is “\(original.id)”; it cannot be changed here") }
        do throws(RecordJSONReader.Failure) {
            var record = try RecordJSONReader.record(from: fields, position: 1)
            // The JSON shows a file name's bytes that are not UTF-8 as \xHH: the same name is the name as it was.
            if let source = original.source, record.source?.path == RawPath.display(source.path) { record.source?.path = source.path }
            return record
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// `original` with the fields BibTeX holds taken from `edited`.
    static func merged(_ original: Record, _ edited: Record) -> Record {
        var result = original
        // A type BibTeX has no entry for was written as misc: unchanged unless the entry type was.
        let entryType = { (record: Record) in BibTeXExporter.entryTypes[record.type ?? ""] ?? "misc" }
        result.type = entryType(original) == entryType(edited) ? original.type : edited.type
        result.title = edited.title
        if original.authors.isEmpty && !original.speakers.isEmpty {
            // The speakers were written as authors.
            result.speakers = edited.authors
        } else {
            result.authors = edited.authors
        }
        result.editors = edited.editors
        result.translators = edited.translators
        result.date = edited.date
        result.container = edited.container
        result.volume = edited.volume
        result.issue = edited.issue
        result.pages = edited.pages
        result.publisher = edited.publisher
        result.publisherPlace = edited.publisherPlace
        result.doi = edited.doi
        result.url = edited.url
        result.issn = edited.issn
        result.language = edited.language
        result.abstract = edited.abstract
        result.keywords = edited.keywords
        result.attachments = edited.attachments
        return result
    }
}
