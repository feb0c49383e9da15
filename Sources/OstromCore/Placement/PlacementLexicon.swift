import Foundation

/// The words that place a text on the ladder (`Resources/placement-lexicon.json`):
/// for each stage, level and principle, terms weighing 3, 2 or 1 and rules
/// for words that must come together; the negations that cancel a term; and
/// the groups of words (`@lay`, `@professional`) terms can name.
public struct PlacementLexicon: Codable, Sendable, Equatable {
    public var about: String
    /// The score at which a stage, level or principle is placed.
    public var placeAt: Int
    /// How many words before a term a negation cancels it.
    public var negationWindow: Int
    public var negations: [String]
    public var groups: [String: [String]]
    public var stages: [Category]
    public var levels: [Category]
    public var principles: [Category]

    public struct Category: Codable, Sendable, Equatable {
        public var name: String
        /// Where in the transcript the category's words come from.
        public var from: String
        /// Other words a search may use for it (`principle:reciprocity`).
        public var aliases: [String]?
        public var strong: [String]
        public var medium: [String]
        public var weak: [String]
        public var together: [Combination]

        /// Every term with its weight, strongest first.
        var weightedTerms: [(term: String, weight: Int)] {
            strong.map { ($0, 3) } + medium.map { ($0, 2) } + weak.map { ($0, 1) }
        }
    }

    /// Words that count only when all of them are in one sentence.
    public struct Combination: Codable, Sendable, Equatable {
        public var all: [String]
        public var weight: Int
        public var why: String
    }

    /// The lexicon shipped in the binary (`Resources/placement-lexicon.json`,
    /// compiled in as `BuiltInModels`).
    public static func builtIn() -> PlacementLexicon { BuiltInModels.lexicon }
}
