import Testing
@testable import OstromCore

@Suite struct SearchTokenizerTests {
    private func terms(_ text: String, wholeOnly: Bool = false) -> [String] {
        var tokenizer = SearchTokenizer()
        return tokenizer.terms(text, wholeOnly: wholeOnly)
    }

    @Test func foldsCaseAndDiacritics() {
        #expect(terms("Ausführliche Beschreibung, MÜLLER Łukasz São") == ["ausfuhrliche", "beschreibung", "muller", "lukasz", "sao"])
        #expect(terms("Straße e\u{301}tude") == ["strasse", "etude"])
    }

    @Test func hyphensAndApostrophesGiveJoinedFormAndParts() {
        #expect(terms("co-production") == ["coproduction", "co", "production"])
        #expect(terms("people's") == ["peoples", "people"])
        #expect(terms("people’s co‐design") == ["peoples", "people", "codesign", "co", "design"])
        #expect(terms("well -being - x") == ["well", "being", "x"])
    }

    @Test func cjkRunsGiveBigrams() {
        #expect(terms("集体合作") == ["集体", "体合", "合作"])
        #expect(terms("合 x") == ["合", "x"])
        #expect(terms("日本の市民") == ["日本", "本の", "の市", "市民"])
    }

    @Test func offsetsPointAtTheSourceText() {
        var tokenizer = SearchTokenizer()
        let text = "Über co-production"
        var ranges: [(String, Int, Int)] = []
        tokenizer.tokenize(text) { ranges.append((String(decoding: $0.bytes, as: UTF8.self), $0.start, $0.end)) }
        let bytes = Array(text.utf8)
        let sources = ranges.map { String(decoding: bytes[$0.1..<$0.2], as: UTF8.self) }
        #expect(sources == ["Über", "co-production", "co", "production"])
    }
}
