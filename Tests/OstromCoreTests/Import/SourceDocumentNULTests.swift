import Testing
@testable import OstromCore

/// A document's NUL bytes and ill-formed UTF-8 are looked for in one walk,
/// in parts on all cores (`UTF8Validation.flaws`), as in one walk from
/// the start.
@Suite struct SourceDocumentNULTests {
    /// The first NUL and the first ill-formed byte are found in parts of
    /// any size as in one walk: in the first part, at a part's first or
    /// last byte, in the last, or nowhere; either before the other, among
    /// well-formed sequences of two and three bytes.
    @Test func theFirstNULAndIllFormedByteAreFoundInPartsAsInOneWalk() {
        let sequences: [Int: [UInt8]] = [30: [0xC3, 0xA9], 4_990: [0xE2, 0x80, 0x94], 9_000: [0xC3, 0xA9]]
        for nuls in [[], [0], [9_999], [96, 97, 5_000], [4_999, 5_000], [5_004], [7_001, 2_003]] {
            for invalid in [nil, 1, 50, 5_001, 9_998] as [Int?] {
                var bytes = [UInt8](repeating: 0x61, count: 10_000)
                for (offset, sequence) in sequences { bytes.replaceSubrange(offset..<offset + sequence.count, with: sequence) }
                for index in nuls { bytes[index] = 0 }
                if let invalid { bytes[invalid] = 0xFF }
                bytes.withUnsafeBufferPointer { buffer in
                    for partBytes in [1, 7, 97, 1_000, 5_000, 20_000] {
                        #expect(UTF8Validation.flaws(in: buffer, partBytes: partBytes) == UTF8Validation.Flaws(nul: nuls.min(), invalid: invalid),
                                "\(nuls), \(String(describing: invalid)), parts of \(partBytes)")
                    }
                }
            }
        }
    }
}
