import Testing
@testable import OstromCore

/// The vocabulary's trie reads only the letters its words have: a letter
/// or digit no lexicon word has leaves the trie wherever it stands in a
/// word (its own column of the trie's rows, all "none").
@Suite struct PlacementVocabularyTests {
    static let words = ["ab", "ba", "aab", "abba"]
    let engine = PlacementEngine(lexicon: PlacementLexicon(
        about: "", placeAt: 1, negationWindow: 4, negations: [], groups: [:],
        stages: [category("Words", Self.words), category("Prefix", ["bb*"])], levels: [], principles: []))

    static func category(_ name: String, _ terms: [String]) -> PlacementLexicon.Category {
        PlacementLexicon.Category(name: name, from: "", strong: terms, medium: [], weak: [], together: [])
    }

    private func found(_ word: String) -> [String] {
        engine.analyse("It was \(word) then.").stages.map(\.name)
    }

    @Test func aLetterNoLexiconWordHasMakesNoneOfItsWords() {
        let others = "cdefghijklmnopqrstuvwxyzCXZ0123456789"
        for word in Self.words {
            #expect(found(word) == ["Words"])
            #expect(found(word.uppercased()) == ["Words"])
            for other in others {
                #expect(found(word + String(other)) == [], "\(word)\(other)")
                for offset in word.indices {
                    var changed = word
                    changed.replaceSubrange(offset...offset, with: String(other))
                    #expect(found(changed) == [], "\(changed)")
                }
            }
        }
        // Past a prefix, any letters: `bb*` starts "bbz" and "bb9".
        #expect(found("bbz") == ["Prefix"] && found("bb9") == ["Prefix"])
    }
}
