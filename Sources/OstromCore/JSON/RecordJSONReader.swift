import Foundation

/// Records read back from the JSON `RecordJSON` writes: every kind and every
/// field, so that a library kept in this form loses nothing (events keep
/// their times, place, speakers' affiliations and bio; transcripts their
/// text). `status` is worked out again from the dates, not read.
public enum RecordJSONReader {
    /// What in the text is not such a record.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether a JSON value is an array of ostrom's records (each with
    /// `id`, `kind` and a known kind), as opposed to CSL-JSON.
    public static func isRecordArray(_ json: Any) -> Bool {
        guard let items = json as? [[String: Any]], !items.isEmpty else { return false }
        return items.allSatisfy { ($0["kind"] as? String).flatMap(RecordKind.init(rawValue:)) != nil && $0["id"] is String }
    }

    public static func records(from json: Any) throws(Failure) -> [Record] {
        guard let items = json as? [[String: Any]] else { throw Failure(description: "not an array of records") }
        var records: [Record] = []
        records.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            records.append(try record(from: item, position: position + 1))
        }
        return records
    }

    static func record(from item: [String: Any], position: Int) throws(Failure) -> Record {
        guard let id = item["id"] as? String, let kind = (item["kind"] as? String).flatMap(RecordKind.init(rawValue:)) else {
            throw Failure(description: "record \(position) has no id or no known kind")
        }
        var record = Record(id: id, kind: kind, title: item["title"] as? String ?? "")
        // The id was the citation key or was made once: kept as it is.
        record.citationKey = id
        record.type = item["type"] as? String
        record.authors = people(item["authors"])
        record.editors = people(item["editors"])
        record.seriesEditors = people(item["series_editors"])
        record.translators = people(item["translators"])
        record.speakers = people(item["speakers"])
        record.date = (item["date"] as? String).flatMap(partialDate)
        record.container = item["container"] as? String
        record.volume = item["volume"] as? String
        record.issue = item["issue"] as? String
        record.pages = item["pages"] as? String
        record.publisher = item["publisher"] as? String
        record.doi = item["doi"] as? String
        record.url = item["url"] as? String
        record.publisherPlace = item["publisher_place"] as? String
        record.issn = item["issn"] as? [String] ?? []
        record.language = item["language"] as? String
        record.abstract = item["abstract"] as? String
        record.body = item["body"] as? String
        record.bio = item["bio"] as? String
        record.keywords = item["keywords"] as? [String] ?? []
        record.location = item["location"] as? String
        record.start = (item["start"] as? String).flatMap(dateTime)
        record.end = (item["end"] as? String).flatMap(dateTime)
        record.published = (item["published"] as? String).flatMap(partialDate)
        record.translations = (item["translations"] as? [[String: Any]] ?? []).compactMap { translation in
            (translation["language"] as? String).map {
                Translation(language: $0, title: translation["title"] as? String, abstract: translation["abstract"] as? String)
            }
        }
        record.citations = ((item["metrics"] as? [String: Any])?["citations"] as? NSNumber)?.intValue
        record.attachments = (item["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
            (attachment["path"] as? String).map {
                RecordAttachment(path: $0, description: attachment["description"] as? String, type: attachment["type"] as? String)
            }
        }
        if let source = item["source"] as? [String: Any], let path = source["path"] as? String, let format = source["format"] as? String {
            record.source = SourceReference(path: path, format: format, bodyLine: (source["line"] as? NSNumber)?.intValue)
        }
        return record
    }

    static func people(_ value: Any?) -> [Person] {
        (value as? [[String: Any]] ?? []).map { person in
            Person(family: person["family"] as? String, given: person["given"] as? String, suffix: person["suffix"] as? String,
                   literal: person["literal"] as? String, affiliation: person["affiliation"] as? String)
        }
    }

    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a year may be negative).
    static func partialDate(_ text: String) -> PartialDate? {
        let negative = text.hasPrefix("-")
        let parts = (negative ? text.dropFirst() : Substring(text)).split(separator: "-").map { Int($0) }
        guard let first = parts.first, let year = first, parts.count <= 3, !parts.contains(nil) else { return nil }
        return PartialDate(year: negative ? -year : year, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
    }

    /// "YYYY-MM-DDTHH:MM".
    static func dateTime(_ text: String) -> LocalDateTime? {
        let halves = text.split(separator: "T")
        guard halves.count == 2, let date = partialDate(String(halves[0])) else { return nil }
        let time = halves[1].split(separator: ":").compactMap { Int($0) }
        guard time.count == 2 else { return nil }
        return LocalDateTime(date: date, hour: time[0], minute: time[1])
    }
}
