import Foundation

/// The inverted index over a library, built at load: for every term, the
/// records holding it with a term frequency per field, plus what BM25F
/// needs (field lengths) and what prefix and typo matching need (the
/// vocabulary in byte order, by first byte).
public final class SearchIndex: Sendable {
    /// The records indexed, numbered as the index numbers them; an index
    /// read from its file before its records may hold only the first ones
    /// (or none) until `with(records:)` gives them.
    public let records: [Record]
    /// How many records are indexed.
    public let count: Int
    /// The first record of the second half (`count` when there is one
    /// half): each half is searched on a core of its own.
    let splitDocument: Int
    let terms: TermTable
    let postings: [PostingList]
    /// Per record and field: 1 / (1 − b + b · length / average length).
    let inverseNorms: [Float]
    /// Term ids sorted by their bytes, for prefix ranges.
    let sortedTerms: [Int32]
    /// Term ids grouped by first byte, for typo matching.
    let termsByFirstByte: [[Int32]]
    /// Terms grouped by their English stem, for a word's other forms.
    let stemGroups: StemGroups
    let facets: Facets
    var years: [Int16] { facets.years }
    var kinds: [RecordKind] { facets.kinds }
    var types: [String] { facets.types }
    var dois: [String] { facets.dois }
    /// The bytes of an index read from its file, which its posting lists use.
    private let storage: IndexFile.Block?
    /// The last queries' atoms, planned and evaluated.
    let atoms = AtomCache()
    /// The last queries' working memory.
    let evaluations = Evaluations()
    /// The memory of the last phrases' ends (`PhraseEnds`).
    let phraseMemory = PhraseEnds.Memory(capacity: 2)
    /// The hits arrays of the last searches (the shown results', the last
    /// results', one free), their memory taken again.
    let hitMemory = ArrayMemory<SearchHit>(capacity: 3, newestIsHeld: true)

    static let b: Float = 0.75
    static let k1: Float = 1.2
    static let fieldCount = SearchField.allCases.count
    /// Positions jump by this much between fields and between the texts of
    /// one field, so that no phrase spans two of them.
    static let textGap: UInt32 = 4

    /// Records below which the index has one half, built and searched on one core.
    static let parallelThreshold = 4000

    /// `indexed`: told, on the indexing threads, of the records indexed
    /// so far (`TextsCompressedAsIndexed`).
    public convenience init(records: [Record], indexed: (@Sendable (Range<Int>) -> Void)? = nil) {
        self.init(records: records, halves: records.count >= Self.parallelThreshold ? 2 : 1, indexed: indexed)
    }

    /// An index of one or two halves. Two cores each index half the
    /// records, then the halves merge; each query searches each half on a
    /// core of its own.
    convenience init(records: [Record], halves partCount: Int, indexed: (@Sendable (Range<Int>) -> Void)? = nil) {
        precondition((1...2).contains(partCount), "an index has one or two halves")
        let size = (records.count + partCount - 1) / max(1, partCount)
        let ranges = (0..<partCount).map { min(records.count, $0 * size)..<min(records.count, ($0 + 1) * size) }
        var parts = [IndexPart?](repeating: nil, count: partCount)
        if partCount == 1 {
            parts[0] = IndexPart(records: records[ranges[0]], indexed: indexed)
        } else {
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: partCount) { part in
                    slots[part] = IndexPart(records: records[ranges[part]], indexed: indexed)
                }
            }
        }
        var merged = parts[0] ?? IndexPart(records: [])
        parts[0] = nil
        if partCount == 2, let second = parts[1] {
            parts[1] = nil
            merged.append(second)
        }
        for list in merged.postings { list.compact() }
        let terms = merged.terms
        // The vocabulary sorted on one core while it is stemmed on the other
        // (an index of one half, a small library's, on this core alone).
        var sortedTerms: [Int32] = []
        var stemGroups: StemGroups?
        withUnsafeMutablePointer(to: &sortedTerms) { sorted in
            withUnsafeMutablePointer(to: &stemGroups) { groups in
                nonisolated(unsafe) let (sorted, groups) = (sorted, groups)
                let task: @Sendable (Int) -> Void = { task in
                    if task == 0 {
                        sorted.pointee = (0..<Int32(terms.count)).sorted {
                            terms.bytes(of: Int($0)).lexicographicallyPrecedes(terms.bytes(of: Int($1)))
                        }
                    } else {
                        groups.pointee = StemGroups(terms: terms)
                    }
                }
                if partCount == 1 { (0..<2).forEach(task) } else { DispatchQueue.concurrentPerform(iterations: 2, execute: task) }
            }
        }
        self.init(records: records, count: records.count, splitDocument: ranges.count > 1 ? ranges[1].lowerBound : records.count,
                  terms: terms, postings: merged.postings,
                  inverseNorms: Self.inverseNorms(lengths: merged.lengths, count: records.count),
                  sortedTerms: sortedTerms, termsByFirstByte: Self.termsByFirstByte(terms), stemGroups: stemGroups!,
                  facets: Facets(records: records), storage: nil)
    }

    /// Term ids grouped by their first byte.
    static func termsByFirstByte(_ terms: TermTable) -> [[Int32]] {
        var grouped = [[Int32]](repeating: [], count: 256)
        for id in 0..<terms.count { grouped[Int(terms.bytes(of: id).first ?? 0)].append(Int32(id)) }
        return grouped
    }

    /// An index from its parts, built or read from a file (`storage` then
    /// holds the bytes its posting lists point into).
    init(records: [Record], count: Int, splitDocument: Int, terms: TermTable, postings: [PostingList], inverseNorms: [Float],
         sortedTerms: [Int32], termsByFirstByte: [[Int32]], stemGroups: StemGroups, facets: Facets, storage: IndexFile.Block?) {
        self.records = records
        self.count = count
        self.splitDocument = splitDocument
        self.terms = terms
        self.postings = postings
        self.inverseNorms = inverseNorms
        self.sortedTerms = sortedTerms
        self.termsByFirstByte = termsByFirstByte
        self.stemGroups = stemGroups
        self.facets = facets
        self.storage = storage
    }

    /// Forgets the atoms kept from earlier queries, as if none had been typed.
    public func forgetQueries() {
        atoms.removeAll()
    }

    /// This index with its records given (all of them, or the first ones
    /// read so far); nothing is copied but the records' array.
    public func with(records: [Record]) -> SearchIndex {
        precondition(records.count <= count, "more records than the index holds")
        return SearchIndex(records: records, count: count, splitDocument: splitDocument, terms: terms, postings: postings, inverseNorms: inverseNorms,
                           sortedTerms: sortedTerms, termsByFirstByte: termsByFirstByte, stemGroups: stemGroups, facets: facets, storage: storage)
    }

    /// Per record, what filters and the recency tie-break read, kept apart
    /// from the records so that a keystroke never copies a record (and an
    /// index read from its file has them before its records).
    struct Facets: Sendable {
        var years: [Int16]
        var kinds: [RecordKind]
        var types: [String]
        var dois: [String]

        init(records: [Record]) {
            years = records.map { Int16(clamping: $0.year ?? 0) }
            kinds = records.map(\.kind)
            types = records.map { $0.type?.lowercased() ?? "" }
            dois = records.map { $0.doi?.lowercased() ?? "" }
        }

        init(years: [Int16], kinds: [RecordKind], types: [String], dois: [String]) {
            (self.years, self.kinds, self.types, self.dois) = (years, kinds, types, dois)
        }
    }

    private static func inverseNorms(lengths: [Float], count: Int) -> [Float] {
        var averages = [Float](repeating: 0, count: fieldCount)
        for document in 0..<count {
            for field in 0..<fieldCount { averages[field] += lengths[document * fieldCount + field] }
        }
        for field in 0..<fieldCount { averages[field] = max(1, averages[field] / Float(max(1, count))) }
        return lengths.indices.map { index in
            1 / (1 - b + b * lengths[index] / averages[index % fieldCount])
        }
    }

    /// How many records hold the term.
    func documentFrequency(_ id: Int) -> Int { postings[id].count }

    /// Inverse document frequency (BM25's, never negative).
    func idf(_ id: Int) -> Float {
        let n = Float(count)
        let df = Float(postings[id].count)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Term ids whose bytes start with `prefix`, in byte order.
    func termsWithPrefix(_ prefix: [UInt8]) -> ArraySlice<Int32> {
        var low = 0
        var high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if terms.bytes(of: Int(sortedTerms[middle])).lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < sortedTerms.count && terms.bytes(of: Int(sortedTerms[end])).starts(with: prefix) { end += 1 }
        return sortedTerms[low..<end]
    }
}
