import Testing
@testable import OstromCore

/// A term is tried only in a sentence that has one of the words each of
/// its word patterns after the first takes (`PatternTable.laterWords`):
/// words, prefixes, groups (by their phrases' first words), any word (no
/// word needed) and a group the lexicon does not have (none will do).
@Suite struct PlacementPrefilterTests {
    static let lexicon = PlacementLexicon(
        about: "", placeAt: 1, negationWindow: 4, negations: ["not"],
        groups: ["lay": ["service user*", "citizen*"], "anyone": ["_ people"]],
        stages: [
            category("Word", "@lay led"),
            category("Prefix", "co produc*"),
            category("Group", "run by @lay"),
            category("Any word", "with _ care"),
            category("Any word in a group", "by @anyone"),
            category("No such group", "led by @nobody"),
        ],
        levels: [], principles: [])

    static func category(_ name: String, _ term: String) -> PlacementLexicon.Category {
        PlacementLexicon.Category(name: name, from: "", strong: [term], medium: [], weak: [], together: [])
    }

    let engine = PlacementEngine(lexicon: lexicon)

    func stages(_ text: String) -> [String] {
        engine.analyse(text).stages.map(\.name).sorted()
    }

    @Test func eachKindOfLaterWordIsWhatTheSentenceMustHave() throws {
        var table = PatternTable(terms: Self.lexicon.stages.map { $0.strong[0] }, groups: Self.lexicon.groups)
        let vocabulary = table.vocabulary
        func word(_ text: String) -> Int32 { vocabulary.item(ofWord: vocabulary.number(ofWord: text)) }
        func prefix(_ text: String) -> Int32 { vocabulary.item(ofPrefix: vocabulary.number(ofPrefix: text)) }
        let patterns = Self.lexicon.stages.map { table.add($0.strong[0]) }
        let lists = patterns.map { table.laterWords(of: $0) }
        #expect(lists[0] == [[word("led")]])
        #expect(lists[1] == [[prefix("produc")]])
        // A group: its phrases' first words ("service", "citizen*").
        #expect(lists[2] == [[word("by")], [word("service"), prefix("citizen")]])
        // Any word needs none.
        #expect(lists[3] == [[word("care")]])
        #expect(lists[4] == [])
        // A group the lexicon does not have: no sentence has a word for it.
        #expect(lists[5] == [[word("by")], []])
    }

    @Test func termsAreFoundWhereTheirLaterWordsAreAndNotWhereTheyAreApart() {
        #expect(stages("The plan was service user led.") == ["Word"])
        #expect(stages("Led by service users, the plan was.") == [])
        #expect(stages("They co-produced it.") == ["Prefix"])
        #expect(stages("Co-operation produced it.") == [])
        #expect(stages("It was run by citizens.") == ["Group"])
        #expect(stages("It was run by the service users.") == [])
        #expect(stages("It was run by service users.") == ["Group"])
        #expect(stages("They worked with good care.") == ["Any word"])
        #expect(stages("They worked with care.") == [])
        #expect(stages("It was made by young people.") == ["Any word in a group"])
        #expect(stages("It was led by nobody.") == [])
    }
}
