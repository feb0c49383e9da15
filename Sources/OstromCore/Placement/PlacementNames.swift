/// The names a user may type for a stage, level or principle: the full
/// name ("Doing with"), its last word ("with"), an alias from the lexicon
/// ("reciprocity") or the start of any of these ("trans"), case and
/// accents ignored.
public struct PlacementNames: Sendable {
    public enum Kind: String, Sendable {
        case stage, level, principle
    }

    private let names: [Kind: [(name: String, spellings: [String])]]

    /// The built-in lexicon's names, made the first time they are asked
    /// for (reading the lexicon is a millisecond the pager never needs).
    public static let builtIn = PlacementNames()

    public init(lexicon: PlacementLexicon = .builtIn()) {
        func spellings(_ category: PlacementLexicon.Category) -> (String, [String]) {
            let words = category.name.split(whereSeparator: { !$0.isLetter }).map(String.init)
            let forms = [category.name] + (words.last.map { [$0] } ?? []) + (category.aliases ?? [])
            return (category.name, forms.map(Self.normalised))
        }
        names = [.stage: lexicon.stages.map(spellings), .level: lexicon.levels.map(spellings), .principle: lexicon.principles.map(spellings)]
    }

    /// Every name of a kind, in the ladder's order.
    public func all(_ kind: Kind) -> [String] { names[kind, default: []].map(\.name) }

    /// The names a typed word means: an exact spelling wins; otherwise every
    /// name with a spelling that starts with the word. Empty when none does.
    public func resolve(_ typed: String, as kind: Kind) -> [String] {
        let word = Self.normalised(typed)
        guard !word.isEmpty else { return [] }
        let candidates = names[kind, default: []]
        let exact = candidates.filter { $0.spellings.contains(word) }.map(\.name)
        if !exact.isEmpty { return exact }
        return candidates.filter { $0.spellings.contains { $0.hasPrefix(word) } }.map(\.name)
    }

    static func normalised(_ text: String) -> String {
        ASCIIFolding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
