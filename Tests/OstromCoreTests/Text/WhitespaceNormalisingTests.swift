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
    }
}
