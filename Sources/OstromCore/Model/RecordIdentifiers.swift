/// Stable record ids: the first author's (or speaker's) family name folded
/// to lowercase ASCII, plus the year; an organisation of three or more words
/// uses its initials (New Economics Foundation → `nef`); `a`, `b`… are
/// appended on collision; a citation key given by the source is kept (a
/// key given twice gets a suffix the second time).
public enum RecordIdentifiers {
    private static let initialsStopWords: Set<String> = ["of", "the", "and", "for", "in", "on", "to", "de", "du", "des", "für", "und", "der", "die", "das", "&"]

    /// Gives every record an id, in order, unique within `records`.
    public static func assign(_ records: inout [Record]) {
        // Sized up front: a library of 100 000 keys would otherwise grow each set seventeen times.
        var used = Set<String>(minimumCapacity: records.count)
        var eachKeyOnce = true
        for index in records.indices {
            guard let key = records[index].citationKey else {
                eachKeyOnce = false
                continue
            }
            if !used.insert(key).inserted { eachKeyOnce = false }
        }
        // Usually (a BibTeX file) each record has a key of its own, which is
        // its id: found with one lookup a record, not two (a million: 0.3 s).
        if eachKeyOnce { return useKeys(&records) }
        var keysTaken = Set<String>(minimumCapacity: used.count)
        // Where the search for a free suffix goes on for each base: 10 000
        // records with one key (or one author and year) stay linear.
        var nextSuffix: [String: Int] = [:]
        for index in records.indices {
            // A citation key is kept the first time; a repeated one gets a suffix.
            if let key = records[index].citationKey, keysTaken.insert(key).inserted {
                records[index].id = key
                continue
            }
            let base = records[index].citationKey ?? baseIdentifier(for: records[index])
            var candidate = base
            if used.contains(candidate) {
                var suffix = nextSuffix[base] ?? 0
                repeat {
                    candidate = base + letters(suffix)
                    suffix += 1
                } while used.contains(candidate)
                nextSuffix[base] = suffix
            }
            used.insert(candidate)
            records[index].id = candidate
        }
    }

    /// Gives each record its citation key as its id: what `assign` gives
    /// when each record has a key no other has (the caller knows it).
    public static func useKeys(_ records: inout [Record]) {
        for index in records.indices { records[index].id = records[index].citationKey! }
    }

    /// `id` itself when no record has it, else `id` with the first suffix
    /// (`a`, `b`…) that is free.
    public static func free(_ id: String, in used: Set<String>) -> String {
        guard used.contains(id) else { return id }
        var suffix = 0
        while used.contains(id + letters(suffix)) { suffix += 1 }
        return id + letters(suffix)
    }

    /// Gives `records` ids none in `ids` has (each taken one gets the first
    /// free suffix), in place, and adds them to `ids`.
    public static func keepTaken(_ records: inout [Record], ids: inout Set<String>) {
        for index in records.indices {
            let id = free(records[index].id, in: ids)
            if id != records[index].id { records[index].id = id }
            ids.insert(id)
        }
    }

    /// The id before collision suffixes: name key plus year.
    public static func baseIdentifier(for record: Record) -> String {
        var stem = record.people.first.map(nameKey) ?? ""
        if stem.isEmpty { stem = titleKey(record.title) }
        if stem.isEmpty { stem = record.kind.rawValue }
        return stem + (record.year.map(String.init) ?? "")
    }

    /// The id stem for a person or organisation.
    public static func nameKey(_ person: Person) -> String {
        if let literal = person.literal {
            let words = literal.split(whereSeparator: { $0 == " " || $0 == "-" })
                .map(String.init)
                .filter { !initialsStopWords.contains($0.lowercased()) }
            if words.count >= 3 {
                return words.compactMap { ASCIIFolding.alphanumerics($0).first.map(String.init) }.joined()
            }
            return ASCIIFolding.alphanumerics(words.joined())
        }
        return ASCIIFolding.alphanumerics(person.family ?? person.given ?? "")
    }

    private static func titleKey(_ title: String) -> String {
        for word in title.split(separator: " ") {
            let key = ASCIIFolding.alphanumerics(String(word))
            if key.count > 3 || (!key.isEmpty && !initialsStopWords.contains(key)) { return key }
        }
        return ""
    }

    /// 0 → "a", 25 → "z", 26 → "aa"…
    private static func letters(_ number: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var number = number
        var text = ""
        repeat {
            text = String(alphabet[number % 26]) + text
            number = number / 26 - 1
        } while number >= 0
        return text
    }
}
