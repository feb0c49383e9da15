import Foundation

/// The inverted index over a library, built at load: for every term, the
/// records holding it with a term frequency per field, plus what BM25F
/// needs (field lengths) and what prefix and typo matching need (the
/// vocabulary in byte order, by first byte).
public final class SearchIndex: Sendable {
    public let records: [Record]
    let terms: TermTable
    let postings: [PostingList]
    /// Per record and field: 1 / (1 − b + b · length / average length).
    let inverseNorms: [Float]
    /// Term ids sorted by their bytes, for prefix ranges.
    let sortedTerms: [Int32]
    /// Term ids grouped by first byte, for typo matching.
    let termsByFirstByte: [[Int32]]
    /// Per record, what filters and the recency tie-break read, kept apart
    /// from the records so that a keystroke never copies a record.
    let years: [Int16]
    let kinds: [RecordKind]
    let types: [String]
    let dois: [String]

    static let b: Float = 0.75
    static let k1: Float = 1.2
    static let fieldCount = SearchField.allCases.count
    /// Positions jump by this much between fields and between the texts of
    /// one field, so that no phrase spans two of them.
    static let textGap: UInt32 = 4

    /// Records per part below which the index is built on one core.
    static let parallelThreshold = 4000

    public init(records: [Record]) {
        self.records = records
        // Two cores: each indexes half the records, then the halves merge.
        let partCount = records.count >= Self.parallelThreshold ? 2 : 1
        let size = (records.count + partCount - 1) / max(1, partCount)
        let ranges = (0..<partCount).map { min(records.count, $0 * size)..<min(records.count, ($0 + 1) * size) }
        var parts = [IndexPart?](repeating: nil, count: partCount)
        if partCount == 1 {
            parts[0] = IndexPart(records: records[ranges[0]])
        } else {
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: partCount) { part in
                    slots[part] = IndexPart(records: records[ranges[part]])
                }
            }
        }
        var merged = parts[0] ?? IndexPart(records: [])
        for part in parts.dropFirst() {
            if let part { merged.append(part) }
        }
        for list in merged.postings { list.compact() }
        let terms = merged.terms
        self.terms = terms
        postings = merged.postings
        inverseNorms = Self.inverseNorms(lengths: merged.lengths, count: records.count)
        sortedTerms = (0..<Int32(terms.count)).sorted { terms.bytes(of: Int($0)).lexicographicallyPrecedes(terms.bytes(of: Int($1))) }
        var byFirst = [[Int32]](repeating: [], count: 256)
        for id in 0..<terms.count { byFirst[Int(terms.bytes(of: id).first ?? 0)].append(Int32(id)) }
        termsByFirstByte = byFirst
        years = merged.years
        kinds = merged.kinds
        types = merged.types
        dois = merged.dois
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
        let n = Float(records.count)
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
