import Testing
@testable import OstromCore

/// BM25F's frequency of a posting is each field's weight times its count
/// times the record's norm for it, summed: the same bits whether a posting
/// counts words of the abstract alone (the short way) or of several fields.
@Suite struct FieldWeightingTests {
    @Test func everyPostingWeighsItsFieldsAsTheSumSays() {
        let norms: [Float] = [0.83, 1.17, 0.61, 1.29, 0.97, 1.41]
        var packed: [UInt32] = Array(0..<32)
        for field in SearchField.allCases {
            for count: UInt32 in [1, 2, 7, 31] { packed.append(count << field.shift | 3) }
        }
        packed.append(31 << SearchField.title.shift | 31 << SearchField.people.shift | 31)
        for bits in packed {
            var expected: Float = 0
            for slot in 0..<SearchIndex.fieldCount {
                let field = SearchField.allCases.first { Int($0.shift) == slot * SearchField.bits }!
                expected += field.weight * Float((bits >> field.shift) & 31) * norms[field.rawValue]
            }
            let frequency = norms.withUnsafeBufferPointer { FieldWeighting.shared.frequency(bits, norms: $0.baseAddress!) }
            #expect(frequency.bitPattern == expected.bitPattern, "bits \(bits)")
        }
    }

    /// A posting's positions are as many as its field counts add up to
    /// (summed in pairs, then the three pairs at once), up to every field full.
    @Test func aPostingHasAsManyPositionsAsItsCountsAddUpTo() {
        var random = SystemRandomNumberGenerator()
        let packed = Array(0..<UInt32(1 << 11)) + [(1 << 30) - 1] + (0..<2_000).map { _ in UInt32.random(in: 0..<(1 << 30), using: &random) }
        for bits in packed {
            let sum = SearchField.allCases.reduce(0) { $0 + Int((bits >> $1.shift) & 31) }
            #expect(PostingList.occurrences(bits) == sum, "bits \(bits)")
        }
    }
}
