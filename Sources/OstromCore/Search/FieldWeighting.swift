/// BM25F's weighted, length-normalised term frequency of one posting: per
/// 5-bit slot of its packed counts, the field's weight, times the count,
/// times the record's norm for that field. The weights and norm columns
/// sit in vectors, so that the loop over postings reads no array.
struct FieldWeighting {
    private var weights = SIMD8<Float>()
    private var columns = SIMD8<Int32>()

    static let shared = FieldWeighting()

    private init() {
        for field in SearchField.allCases {
            let slot = Int(field.shift) / SearchField.bits
            weights[slot] = field.weight
            columns[slot] = Int32(field.rawValue)
        }
    }

    /// The frequency of the fields in `bits` (a packed posting, masked),
    /// `norms` pointing at the record's row of norms: every slot is
    /// summed, empty ones adding nothing, so that no branch depends on them.
    @inline(__always)
    func frequency(_ bits: UInt32, norms: UnsafePointer<Float>) -> Float {
        // Most postings count words of the abstract alone (the lowest slot):
        // the sum below would add only zeros to its one product.
        if bits < 32 { return weights[0] * Float(bits) * norms[Int(columns[0])] }
        var frequency: Float = 0
        for slot in 0..<SearchIndex.fieldCount {
            let count = (bits >> UInt32(slot * SearchField.bits)) & 31
            frequency += weights[slot] * Float(count) * norms[Int(columns[slot])]
        }
        return frequency
    }
}
