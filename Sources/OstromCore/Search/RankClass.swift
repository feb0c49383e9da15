/// The rank rules before BM25F: a hit's score is its rank classes (summed
/// over the query's words) times `unit`, plus its BM25F score, so that the
/// classes decide and BM25F only orders hits of equal classes. Per word:
///
/// | match | class |
/// |---|---|
/// | the whole word in the title or people | 6 |
/// | a word it begins, there | 5 |
/// | a word of its stem, there | 4 |
/// | the whole word elsewhere | 3 |
/// | a word it begins, elsewhere | 2 |
/// | a word of its stem, elsewhere | 1 |
/// | a word an edit or two away, anywhere | 0 |
///
/// A phrase counts as a whole word. `Proximity` then adds classes to the
/// best hits whose words stand together.
enum RankClass {
    /// A class outweighs any query's BM25F sum.
    static let unit: Float = 1000
    /// The heading fields: what the record is about, and who made it.
    static let headingMask: UInt32 = 31 << SearchField.title.shift | 31 << SearchField.people.shift
    static let headingBonus = 3

    /// The class of a match of this form, in a heading field or not, times `unit`.
    static func of(_ form: TermExpansion.Form, inHeading: Bool) -> Float {
        guard form != .typo else { return 0 }
        return Float(form.rawValue + (inHeading ? headingBonus : 0)) * unit
    }
}
