import Testing
@testable import OstromCore

/// The engine reads UTF-8 bytes but must read text as `String` does:
/// characters of several bytes or scalars, line ends of every kind, and
/// evidence marked in characters, not bytes.
@Suite struct PlacementUnicodeTests {
    let engine = PlacementEngine()

    private func marked(_ text: String, _ name: String) -> [String] {
        engine.analyse(text).finding(named: name)?.evidence.map(\.marked) ?? []
    }

    @Test func aLetterAndItsAccentWrittenApartStayOneCharacterOfTheWord() {
        // "coërced" precomposed, and as "e" followed by a combining diaeresis.
        for word in ["co\u{EB}rced", "coe\u{308}rced"] {
            #expect(marked("Tenants were \(word) into it.", "Doing to") == ["Tenants were «co\u{EB}rced» into it."])
        }
    }

    @Test func marksCountCharactersNotBytes() {
        #expect(marked("Über alles, tenants were coerced.", "Doing to") == ["Über alles, tenants were «coerced»."])
        // A family emoji is five scalars and one character.
        #expect(marked("👩‍👩‍👧 Tenants were coerced.", "Doing to") == ["👩‍👩‍👧 Tenants were «coerced»."])
    }

    @Test func everyKindOfLineEndEndsALineAndACarriageReturnWithItsLineFeedIsOne() {
        let wrapped = "In the first year of the scheme the council’s tenants were slowly"
        for lineEnd in ["\n", "\r\n", "\r", "\u{2028}", "\u{85}"] {
            #expect(Sentences.split(wrapped + lineEnd + "coerced into it. Residents agreed.")
                == [wrapped + " coerced into it.", "Residents agreed."], "\(lineEnd.unicodeScalars.map(\.value))")
        }
        // Two line ends make a blank line, which ends the paragraph.
        #expect(Sentences.split(wrapped + "\n\ncoerced into it.") == [wrapped, "coerced into it."])
    }

    @Test func sentenceEndsAreReadAsCharacters() {
        // A no-break space after a full stop; an initial and an abbreviation that do not end one.
        #expect(Sentences.split("Dr. Ü. Müller agreed.\u{A0}Residents shared power.") == ["Dr. Ü. Müller agreed.", "Residents shared power."])
        // A full stop with an accent on it is no full stop.
        #expect(Sentences.split("It ended.\u{301} Then more.") == ["It ended.\u{301} Then more."])
        // Closing curly quotes belong to the sentence; a curly opening quote starts the next.
        #expect(Sentences.split("He said “no.” ‘Yes,’ she said.") == ["He said “no.”", "‘Yes,’ she said."])
    }
}
