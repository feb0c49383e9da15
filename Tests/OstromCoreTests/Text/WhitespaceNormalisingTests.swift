import Foundation
import Testing
@testable import OstromCore

@Suite struct WhitespaceNormalisingTests {
    /// The byte-level version agrees with splitting on `Character.isWhitespace`.
    @Test(arguments: [
        "plain", "  two  spaces  ", "line\nbreak\r\nand\ttab", "non\u{A0}breaking", "ideographic\u{3000}space",
        "em\u{2003}space\u{2028}line\u{2029}para\u{85}next\u{1680}ogham\u{202F}narrow\u{205F}math",
        "Müller – café 合作 \u{200B}zero-width", "\u{301}combining after space", "", " \n\t ",
        "ends with é\u{A0}", "\u{E2}\u{80}",
    ])
    func agreesWithSplittingOnWhitespace(_ text: String) {
        #expect(text.whitespaceNormalised == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        // Trimming on the bytes agrees with Foundation's.
        #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Trimming on the bytes keeps Foundation's set of white space: every
    /// scalar of the Basic Multilingual Plane, at either end. (ASCII
    /// controls are trimmed too when both ends are then ASCII.)
    @Test func trimmingAgreesWithFoundationForEveryScalarAtEitherEnd() {
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isControl = value < 0x20 && !WhiteSpace.isASCIISpace(UInt8(value))
            for text in ["\(scalar)é x\(scalar)"] + (isControl ? [] : ["\(scalar)\(scalar)ab", "ab\(scalar)"]) {
                #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
            }
        }
        #expect("\u{1}ab\u{7}".trimmed == "ab")
    }
}

@Suite struct FieldParsingTests {
    @Test func doisBareOrInText() {
        #expect(Identifiers.doi(in: "10.1177/0020852314566010") == "10.1177/0020852314566010")
        #expect(Identifiers.doi(in: "10.1332/204080521X16231629157096") == "10.1332/204080521x16231629157096")
        #expect(Identifiers.doi(in: "10.1177/ABC.") == "10.1177/abc")
        #expect(Identifiers.doi(in: "https://doi.org/10.1000/xyz") == "10.1000/xyz")
        #expect(Identifiers.doi(in: "10.1000/a\"b") == "10.1000/a")
        #expect(Identifiers.doi(in: "10.12/short") == nil)
        #expect(Identifiers.doi(in: "see 10.1002/(SICI)1099 here") == "10.1002/(sici)1099")
    }

    @Test func keywordsBySemicolonLineCommaOrSlash() {
        #expect(Keywords.split("co-production; public value;; co-production") == ["co-production", "public value"])
        #expect(Keywords.split("a\r\nb\nc") == ["a", "b", "c"])
        #expect(Keywords.split("Koproduktion, Bürger/öffentliche Dienste") == ["Koproduktion", "Bürger", "öffentliche Dienste"])
        #expect(Keywords.split("  ") == [])
    }
}
