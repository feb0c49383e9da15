import Testing
@testable import OstromCore

/// The lexicon file is whole: it names the ladder's own stages, levels and
/// principles, every group a term uses exists, no term is listed twice.
@Suite struct PlacementLexiconTests {
    let lexicon = PlacementLexicon.builtIn()

    @Test func categoriesAreTheLaddersOwn() throws {
        let ladder = LadderModel.builtIn()
        #expect(lexicon.stages.map(\.name) == ladder.stages.map(\.name))
        #expect(lexicon.levels.map(\.name) == ladder.types.map(\.name))
        #expect(lexicon.principles.map(\.name) == ladder.principles.map(\.name))
    }

    @Test func everyGroupNamedExistsAndNoTermIsListedTwice() {
        for category in lexicon.stages + lexicon.levels + lexicon.principles {
            let terms = category.strong + category.medium + category.weak
            #expect(Set(terms).count == terms.count, "\(category.name) lists a term twice")
            for term in terms + category.together.flatMap(\.all) {
                let words = PlacementTokens.words(ofTerm: term)
                #expect(!words.isEmpty && !words.contains(""), "\(category.name): “\(term)”")
                for word in words {
                    for piece in word.split(separator: "|") where piece.hasPrefix("@") {
                        #expect(lexicon.groups[String(piece.dropFirst())] != nil, "\(category.name): no group \(piece)")
                    }
                }
            }
        }
    }
}

@Suite struct SentencesTests {
    @Test func splitsAtSentenceEndsButNotAtAbbreviationsOrInitials() {
        let text = "Dr. Body and A. Hogg wrote it, e.g. in 2021. It is short! Is it? \"Yes.\" Then 3 more."
        #expect(Sentences.split(text) == ["Dr. Body and A. Hogg wrote it, e.g. in 2021.", "It is short!", "Is it?", "\"Yes.\"", "Then 3 more."])
    }

    /// Abbreviations are compared as bytes, in any case, and no other word
    /// is one: a longer word, or one with another byte before it.
    @Test func abbreviationsAreKnownInAnyCaseAndNoOtherWordIs() {
        for abbreviation in ["Fig", "FIG", "eds", "Eds", "vol", "E.G", "cf", "PP"] {
            #expect(Sentences.split("See \(abbreviation). Two more.") == ["See \(abbreviation). Two more."])
        }
        for word in ["Figs", "Nos", "\u{0}no", "o", "volume", "ee.g"] {
            #expect(Sentences.split("See \(word). Two more.") == ["See \(word).", "Two more."])
        }
    }

    @Test func joinsHardWrappedLinesAndSplitsHeadings() {
        let text = """
            Doing 'with'
            The most advanced stages of the pathway represent a much deeper level of
            service user involvement, which shifts power towards people.

            Stories of co-production
            """
        #expect(Sentences.split(text) == [
            "Doing 'with'",
            "The most advanced stages of the pathway represent a much deeper level of service user involvement, which shifts power towards people.",
            "Stories of co-production",
        ])
    }
}
