/// Records as the JSON the command line prints (schema in the README).
public enum RecordJSON {
    /// With `annotation`, the user's state too: `starred` (always), `tags`
    /// and `note` when there are some, and `added`, the day the record came
    /// into the library.
    public static func value(of record: Record, now: LocalDateTime, annotation: Annotation? = nil, added: String? = nil) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", record.id)
        object.add("kind", record.kind.rawValue)
        object.add("type", record.type)
        object.add("title", record.title)
        object.add("authors", .array(record.authors.map(person)))
        object.add("editors", .array(record.editors.map(person)))
        object.add("series_editors", .array(record.seriesEditors.map(person)))
        object.add("translators", .array(record.translators.map(person)))
        object.add("speakers", .array(record.speakers.map(person)))
        object.add("date", record.date?.description)
        object.add("year", record.year)
        object.add("container", record.container)
        object.add("volume", record.volume)
        object.add("issue", record.issue)
        object.add("pages", record.pages)
        object.add("publisher", record.publisher)
        object.add("doi", record.doi)
        object.add("url", record.url)
        object.add("publisher_place", record.publisherPlace)
        object.add("issn", record.issn)
        object.add("language", record.language)
        object.add("abstract", record.abstract)
        object.add("body", record.body)
        object.add("bio", record.bio)
        object.add("keywords", record.keywords)
        object.add("location", record.location)
        object.add("start", record.start?.description)
        object.add("end", record.end?.description)
        object.add("status", record.status(now: now)?.rawValue)
        object.add("published", record.published?.description)
        object.add("translations", .array(record.translations.map(translation)))
        object.add("attachments", .array(record.attachments.map(attachment)))
        var metrics = JSONObjectBuilder()
        metrics.add("citations", record.citations)
        object.add("metrics", metrics.value)
        if let source = record.source {
            var sourceObject = JSONObjectBuilder()
            sourceObject.add("path", RawPath.display(source.path))
            sourceObject.add("format", source.format)
            sourceObject.add("line", source.bodyLine)
            object.add("source", sourceObject.value)
        }
        if let annotation {
            object.add("starred", .bool(annotation.starred))
            object.add("tags", annotation.tags)
            object.add("note", annotation.note)
            object.add("added", added)
        }
        return object.value
    }

    public static func value(of records: [Record], now: LocalDateTime) -> JSONValue {
        .array(records.map { value(of: $0, now: now) })
    }

    static func person(_ person: Person) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("family", person.family)
        object.add("given", person.given)
        object.add("suffix", person.suffix)
        object.add("literal", person.literal)
        object.add("affiliation", person.affiliation)
        return object.value
    }

    static func attachment(_ attachment: RecordAttachment) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("path", RawPath.display(attachment.path))
        object.add("description", attachment.description)
        object.add("type", attachment.type)
        return object.value
    }

    static func translation(_ translation: Translation) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("language", translation.language)
        object.add("title", translation.title)
        object.add("abstract", translation.abstract)
        return object.value
    }
}
