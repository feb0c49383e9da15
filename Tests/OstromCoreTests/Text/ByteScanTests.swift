import Testing
@testable import OstromCore

/// The sixteen-bytes-at-a-time scans agree with reading byte by byte, for
/// a marker at every position of a text longer than two chunks (so at the
/// start, inside, across and after each chunk, and in the tail).
@Suite struct ByteScanTests {
    static let base = "Co-production of public services by citizens and professionals"
    static let markers = ["  ", "\t", "\n", "\u{0B}", "\u{0C}", "\r\n", "\u{A0}", "\u{3000}", "\u{2028}", "é", "合作", "–",
                          "--", "-", "{", "}", "\\", "~", "x"]

    /// Every text: the base with one marker at each position.
    static var texts: [String] {
        let utf8 = Array(base.utf8)
        return markers.flatMap { marker in
            (0...utf8.count).map { String(decoding: utf8[..<$0] + Array(marker.utf8) + utf8[$0...], as: UTF8.self) }
        }
    }

    @Test func whiteSpaceAgreesWithSplittingOnWhitespace() {
        for text in Self.texts {
            let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.whitespaceNormalised == expected, "\(text.debugDescription)")
            var copy = text
            #expect(copy.withUTF8(WhiteSpace.isNormalised) == (text == expected), "\(text.debugDescription)")
        }
    }

    @Test func latexMarkupIsFoundWherePresent() {
        for text in Self.texts {
            let expected = text.contains("\\") || text.contains("{") || text.contains("}") || text.contains("~") || text.contains("--")
            var copy = text
            #expect(copy.withUTF8(LaTeXText.needsDecoding) == expected, "\(text.debugDescription)")
        }
    }

    @Test func firstIndexOfFiveBytes() {
        for text in Self.texts {
            var copy = text
            let found = copy.withUTF8 { ByteScan.firstIndex(of: 0x7B, 0x7D, 0x5C, 0x0A, 0x0A, in: $0, from: 3) }
            let bytes = Array(text.utf8)
            let expected = bytes.indices.dropFirst(3).first { [0x7B, 0x7D, 0x5C, 0x0A].contains(bytes[$0]) } ?? bytes.count
            #expect(found == expected, "\(text.debugDescription)")
        }
    }

    /// A run of letters and digits ends where reading byte by byte ends it:
    /// runs shorter and longer than a chunk, of every byte around them,
    /// up to a limit, from every start, near the buffer's end.
    @Test func letterRunEndAgreesWithReadingByteByByte() {
        let runs = ["a", "Zz09", "coproduction", "coproductionCoproduction1234567890", String(repeating: "x", count: 40)]
        let around = (0...0x7F).map { UInt8($0) }
        for run in runs {
            for byte in around {
                let bytes = Array("  ".utf8) + Array(run.utf8) + [byte] + Array("tail".utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    for start in 0..<buffer.count {
                        for limit in [buffer.count, min(buffer.count, start + 5), start] {
                            var expected = start
                            while expected < limit, ByteScan.isASCIILetterOrDigit(buffer[expected]) { expected += 1 }
                            #expect(ByteScan.letterRunEnd(in: buffer, from: start, limit: limit) == expected, "\(run) \(byte) from \(start) to \(limit)")
                        }
                    }
                }
            }
        }
        let letters = (0...0xFF).filter { ByteScan.isASCIILetterOrDigit(UInt8($0)) }
        #expect(letters.count == 62 && letters.allSatisfy { Character(UnicodeScalar(UInt8($0))).isLetter || Character(UnicodeScalar(UInt8($0))).isNumber })
    }

    /// Fields as they come from the file: decoded, collapsed, trimmed.
    @Test func plainTextOfAField() {
        var field = "  {T}he \\emph{co}--production\n\tof {\\\"u}ber~care  "
        #expect(field.withUTF8(LaTeXText.plainText) == "The co–production of über care")
        var plain = Self.base
        #expect(plain.withUTF8(LaTeXText.plainText) == Self.base)
    }
}

/// The UTF-8 check agrees with the standard library's validation for
/// every lead byte, followed by continuation bytes at the edges of their
/// ranges, at the start, across and after a chunk of sixteen.
@Suite struct UTF8ValidationTests {
    static let followers: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]

    @Test func agreesWithTheStandardLibrary() {
        let text = Array("Co-production of public services by citizens".utf8)
        for lead in UInt8(0x80)...0xFF {
            for second in Self.followers {
                for rest in [[], [0x80], [0x80, 0xBF], [0xBF, 0x41]] as [[UInt8]] {
                    for position in [0, 14, 15, 16, 30, text.count] {
                        let bytes = Array(text[..<position]) + [lead, second] + rest + Array(text[position...])
                        let offset = bytes.withUnsafeBufferPointer { UTF8Validation.flaws(in: $0).invalid }
                        let valid = String(validating: bytes, as: UTF8.self) != nil
                        #expect((offset == nil) == valid, "\(bytes.map { String($0, radix: 16) })")
                        if let offset {
                            #expect(offset >= position && String(validating: bytes[..<offset], as: UTF8.self) != nil)
                        }
                    }
                }
            }
        }
    }

    /// A large buffer is checked in one part per core: sequences across
    /// the place it is split, stray and missing continuation bytes there,
    /// and ill-formed bytes in both parts give what one walk from the start
    /// gives.
    @Test func aLargeBufferCheckedInPartsAgreesWithOneWalk() {
        let (partBytes, size) = (64, 130)
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: size)
        let middle = size / 2
        let clef: [UInt8] = [0xF0, 0x9D, 0x84, 0x9E]
        func check(_ expected: Int?, _ label: String) {
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.flaws(in: $0, partBytes: partBytes).invalid } == expected, "\(label)")
        }
        func clear(around offset: Int) {
            for index in (offset - 8)..<(offset + 8) { bytes[index] = UInt8(ascii: "a") }
        }
        for offset in (middle - 5)...(middle + 5) {
            bytes.replaceSubrange(offset..<(offset + 4), with: clef)
            check(nil, "a four-byte sequence at \(offset)")
            bytes[offset + 4] = 0x80
            check(offset + 4, "a stray continuation after it at \(offset)")
            bytes[offset + 3] = UInt8(ascii: "a")
            check(offset, "a sequence missing its last byte at \(offset)")
            clear(around: offset)
            bytes[offset] = 0x80
            bytes[size - 3] = 0xFF
            check(offset, "ill-formed bytes at \(offset) and near the end")
            bytes[size - 3] = UInt8(ascii: "a")
            clear(around: offset)
        }
        bytes[size - 1] = 0xC3
        check(size - 1, "a lead byte at the very end")
    }
}
