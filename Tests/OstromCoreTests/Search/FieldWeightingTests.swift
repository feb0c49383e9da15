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
}
