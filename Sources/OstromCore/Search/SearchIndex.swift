import Foundation

/// The inverted index over a library, built at load: for every term, the
/// records holding it with a term frequency per field, plus what BM25F
/// needs (field lengths) and what prefix and typo matching need (the
/// vocabulary in byte order, by first byte).
public final class SearchIndex: Sendable {
    public let records: [Record]
    let terms: TermTable
    /// Per term: (record index << 32) | packed per-field frequencies.
    let postings: [[UInt64]]
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

    public init(records: [Record]) {
        self.records = records
        var tokenizer = SearchTokenizer()
        var terms = TermTable()
        var postings: [[UInt64]] = []
        var scratch: [UInt32] = []
        var touched: [Int] = []
        var lengths = [Float](repeating: 0, count: records.count * Self.fieldCount)
        for (document, record) in records.enumerated() {
            for field in SearchField.allCases {
                let shift = UInt32(field.rawValue * SearchField.bits)
                var length = 0
                field.forEachText(of: record) { text in
                    tokenizer.tokenize(text) { token in
                        let id = terms.insert(token.bytes)
                        if id == scratch.count {
                            scratch.append(0)
                            postings.append([])
                        }
                        if scratch[id] == 0 { touched.append(id) }
                        if (scratch[id] >> shift) & 31 < 31 { scratch[id] += 1 << shift }
                        if token.isWhole { length += 1 }
                    }
                }
                lengths[document * Self.fieldCount + field.rawValue] = Float(length)
            }
            for id in touched {
                postings[id].append(UInt64(document) << 32 | UInt64(scratch[id]))
                scratch[id] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        self.terms = terms
        self.postings = postings
        inverseNorms = Self.inverseNorms(lengths: lengths, count: records.count)
        sortedTerms = (0..<Int32(terms.count)).sorted { terms.bytes(of: Int($0)).lexicographicallyPrecedes(terms.bytes(of: Int($1))) }
        var byFirst = [[Int32]](repeating: [], count: 256)
        for id in 0..<terms.count { byFirst[Int(terms.bytes(of: id).first ?? 0)].append(Int32(id)) }
        termsByFirstByte = byFirst
        years = records.map { Int16(clamping: $0.year ?? 0) }
        kinds = records.map(\.kind)
        types = records.map { $0.type?.lowercased() ?? "" }
        dois = records.map { $0.doi?.lowercased() ?? "" }
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
