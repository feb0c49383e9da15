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

    /// Fields as they come from the file: decoded, collapsed, trimmed.
    @Test func plainTextOfAField() {
        var field = "  {T}he \\emph{co}--production\n\tof {\\\"u}ber~care  "
        #expect(field.withUTF8(LaTeXText.plainText) == "The co–production of über care")
        var plain = Self.base
        #expect(plain.withUTF8(LaTeXText.plainText) == Self.base)
    }
}
