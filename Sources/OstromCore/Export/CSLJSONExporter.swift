/// Records as CSL-JSON items, which `CSLJSONImporter` (and Zotero, pandoc)
/// read back: the user library is kept in this form.
public enum CSLJSONExporter {
    public static func value(of records: [Record]) -> JSONValue {
        .array(records.map(item))
    }

    /// One record of the array.
    public static func item(_ record: Record) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", record.citationKey ?? record.id)
        object.add("type", record.type ?? "document")
        object.add("title", record.title)
        object.add("author", .array((record.authors.isEmpty ? record.speakers : record.authors).map(name)))
        object.add("editor", .array(record.editors.map(name)))
        object.add("collection-editor", .array(record.seriesEditors.map(name)))
        object.add("translator", .array(record.translators.map(name)))
        if let date = ExportText.date(of: record) {
            let parts = [date.year, date.month, date.day].compactMap { $0 }.map(JSONValue.integer)
            object.add("issued", .object([("date-parts", .array([.array(parts)]))]))
        }
        object.add("container-title", record.container)
        object.add("volume", record.volume)
        object.add("issue", record.issue)
        object.add("page", record.pages)
        object.add("publisher", record.publisher)
        object.add("publisher-place", record.publisherPlace)
        object.add("DOI", record.doi)
        object.add("URL", record.url)
        object.add("ISSN", record.issn.joined(separator: ", "))
        object.add("abstract", record.abstract)
        object.add("keyword", record.keywords.joined(separator: "; "))
        object.add("language", record.language)
        return object.value
    }

    static func name(_ person: Person) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("family", person.family)
        object.add("given", person.given)
        object.add("suffix", person.suffix)
        object.add("literal", person.literal)
        return object.value
    }
}
