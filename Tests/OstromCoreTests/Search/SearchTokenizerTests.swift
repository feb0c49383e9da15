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

    /// Eight bytes tested at once agree with the test byte by byte: every
    /// byte value in every place, and runs of every length.
    @Test func eightBytesAtOnceAgreeWithOneByteAtATime() {
        func isWordByte(_ byte: UInt8) -> Bool {
            let letter: ClosedRange<UInt8> = 0x61...0x7A, digit: ClosedRange<UInt8> = 0x30...0x39
            let isLetter = byte < 0x80 && letter.contains(byte | 0x20)
            return isLetter || digit.contains(byte)
        }
        for place in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[place] = UInt8(value)
                let chunk = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = bytes.firstIndex { !isWordByte($0) } ?? 8
                #expect(SearchTokenizer.leadingWordBytes(UInt64(littleEndian: chunk)) == expected, "byte \(value) at \(place)")
            }
        }
        // Words of every length across the eight-byte steps, ended by each kind of byte.
        for length in 1...40 {
            let bytes = (0..<length).map { (offset: Int) -> UInt8 in
                offset % 2 == 0 ? UInt8(0x41 + offset % 26) : UInt8(0x30 + offset % 10)
            }
            let word = String(decoding: bytes, as: UTF8.self)
            let folded = word.lowercased()
            #expect(terms("(\(word)) \(word)é \(word)\n\(word)") == [folded, folded + "e", folded, folded])
        }
        // Words longer than a piece, whatever byte the eight-byte steps end on.
        for length in 500...530 {
            let word = String(repeating: "ab", count: length / 2) + (length % 2 == 1 ? "c" : "")
            let pieces = [String(word.prefix(SearchTokenizer.maximumWordBytes)), String(word.dropFirst(SearchTokenizer.maximumWordBytes))]
            #expect(terms("x " + word.uppercased() + " y") == ["x"] + pieces.filter { !$0.isEmpty } + ["y"])
        }
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
