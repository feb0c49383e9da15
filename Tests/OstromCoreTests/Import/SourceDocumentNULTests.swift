import Testing
@testable import OstromCore

/// A document's NUL bytes are looked for in parts on all cores
/// (`SourceDocument.firstNUL`), as in one walk.
@Suite struct SourceDocumentNULTests {
    /// The first NUL byte is found in parts of any size as in one walk:
    /// in the first part, at a part's first or last byte, in the last, or
    /// nowhere.
    @Test func theFirstNULIsFoundInPartsAsInOneWalk() {
        for nuls in [[], [0], [9_999], [96, 97, 5_000], [4_999, 5_000], [5_004], [7_001, 2_003]] {
            var bytes = [UInt8](repeating: 0x61, count: 10_000)
            for index in nuls { bytes[index] = 0 }
            bytes.withUnsafeBufferPointer { buffer in
                for partBytes in [1, 7, 97, 1_000, 5_000, 20_000] {
                    #expect(SourceDocument.firstNUL(in: buffer, partBytes: partBytes) == nuls.min(), "\(nuls), parts of \(partBytes)")
                }
            }
        }
    }
}
