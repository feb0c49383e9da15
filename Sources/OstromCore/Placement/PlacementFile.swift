/// Placements kept beside a library, so that a record is placed once in
/// its life, not once per start: each record's summary under a hash of the
/// text the engine reads. The file is kept as the search index is
/// (`IndexFile`: a header with a stamp, a checksum, written through a
/// temporary file renamed into place); its stamp names the lexicon it was
/// made by, so that a file of another lexicon, or damaged, is not read
/// (its placements are made again).
///
/// After the header: the count of entries, their keys, each one's stage,
/// level and suggested principles (category numbers, 0xFF for none or
/// after the last principle), and each one's score per category.
public enum PlacementFile {
    /// "OSTRMPLC" read as a native word.
    static let magic: UInt64 = 0x434C_504D_5254_534F
    /// 2: keys made of the parts' hashes (session 20).
    static let format: UInt32 = 2
    static let principlesKept = 6
    /// Bytes per entry for its stage, level and principles.
    private static let placeBytes = 2 + principlesKept

    /// The hash a record's summary is kept under: of the hashes of the
    /// parts of its text the engine reads (title, keywords, abstract,
    /// text; `TextHash`), so that an edited record is placed again. A text
    /// kept compressed is not decompressed for it (`LongText.contentHash`).
    public static func key(of record: Record) -> UInt64 {
        var hash = TextHash.seed
        TextHash.mix(&hash, TextHash.of(record.title))
        for keyword in record.keywords { TextHash.mix(&hash, TextHash.of(keyword)) }
        TextHash.mix(&hash, record.abstractText?.contentHash ?? TextHash.of(""))
        TextHash.mix(&hash, record.bodyText?.contentHash ?? TextHash.of(""))
        return hash
    }

    /// What a file must have been made by: this lexicon and engine.
    private static func stamp(_ engine: PlacementEngine) -> String {
        "placements; lexicon \(String(engine.lexiconStamp, radix: 16)); \(engine.categoryNames.count) categories"
    }

    /// The summaries kept in the file, by key; empty when there is no file
    /// or it was made by another lexicon or is damaged.
    public static func read(path: String, engine: PlacementEngine) -> [UInt64: PlacementSummary] {
        guard let block = try? IndexFile.read(path: path, stamp: stamp(engine), magic: magic, format: format) else { return [:] }
        return (try? summaries(in: block, names: engine.categoryNames)) ?? [:]
    }

    private static func summaries(in block: IndexFile.Block, names: [String]) throws(IndexFile.Problem) -> [UInt64: PlacementSummary] {
        var reader = IndexFileReader(block: block)
        // The header and stamp, which `read` has checked.
        let head = try reader.take(UInt64.self, count: 2)
        _ = try reader.take(UInt8.self, count: Int(head[1] >> 32))
        let count = try reader.count()
        let keys = try reader.take(UInt64.self, count: count)
        let places = try reader.take(UInt8.self, count: count * placeBytes)
        let scores = try reader.take(UInt32.self, count: count * names.count)
        func name(_ number: UInt8) throws(IndexFile.Problem) -> String? {
            guard number != 0xFF else { return nil }
            guard Int(number) < names.count else { throw .damaged("category \(number)") }
            return names[Int(number)]
        }
        var kept: [UInt64: PlacementSummary] = [:]
        kept.reserveCapacity(count)
        for entry in 0..<count {
            let place = places[(entry * placeBytes)..<((entry + 1) * placeBytes)]
            var principles: [String] = []
            for number in place.dropFirst(2) {
                guard let principle = try name(number) else { break }
                principles.append(principle)
            }
            let scored = names.indices.compactMap { category -> (name: String, score: Int)? in
                let score = scores[entry * names.count + category]
                return score > 0 ? (names[category], Int(score)) : nil
            }
            let choice = PlacementChoice(stage: try name(place[place.startIndex]), level: try name(place[place.startIndex + 1]), principles: principles)
            kept[keys[entry]] = PlacementSummary(suggestion: choice, scores: scored)
        }
        return kept
    }

    /// Writes the summaries under their keys; false when it could not be
    /// done (the file is then as it was).
    @discardableResult
    public static func write(_ summaries: [(key: UInt64, summary: PlacementSummary)], to path: String, engine: PlacementEngine) -> Bool {
        let names = engine.categoryNames
        let number = Dictionary(names.enumerated().map { ($1, UInt8($0)) }, uniquingKeysWith: { first, _ in first })
        var places: [UInt8] = []
        var scores: [UInt32] = []
        places.reserveCapacity(summaries.count * placeBytes)
        scores.reserveCapacity(summaries.count * names.count)
        for (_, summary) in summaries {
            let choice = summary.suggestion
            places.append(choice.stage.flatMap { number[$0] } ?? 0xFF)
            places.append(choice.level.flatMap { number[$0] } ?? 0xFF)
            let principles = choice.principles.prefix(principlesKept).compactMap { number[$0] }
            places += principles + repeatElement(0xFF, count: principlesKept - principles.count)
            scores += names.map { UInt32(clamping: summary.score(of: $0)) }
        }
        do {
            try IndexFile.write(to: path, stamp: stamp(engine), magic: magic, format: format) { (writer) throws(IndexFile.Problem) in
                try writer.words([UInt64(summaries.count)])
                try writer.array(summaries.map(\.key))
                try writer.array(places)
                try writer.array(scores)
            }
            return true
        } catch {
            return false
        }
    }
}
