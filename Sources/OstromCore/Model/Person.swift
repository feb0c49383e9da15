/// An author or speaker: a family/given name (particles such as "van der"
/// belong to the family name) with a suffix ("Jr.", "III"), or a literal
/// name for an organisation.
public struct Person: Hashable, Sendable {
    public var family: String?
    public var given: String?
    /// The fields most people are without.
    private(set) var rare = RareFields<RareValues>()

    struct RareValues: RareFieldValues {
        var suffix: String?
        var literal: String?
        var affiliation: String?
    }

    public var suffix: String? {
        get { rare.values?.suffix }
        set { rare.set(\.suffix, to: newValue, isEmpty: newValue == nil) }
    }

    public var literal: String? {
        get { rare.values?.literal }
        set { rare.set(\.literal, to: newValue, isEmpty: newValue == nil) }
    }

    public var affiliation: String? {
        get { rare.values?.affiliation }
        set { rare.set(\.affiliation, to: newValue, isEmpty: newValue == nil) }
    }

    public init(family: String? = nil, given: String? = nil, suffix: String? = nil, literal: String? = nil, affiliation: String? = nil) {
        self.family = family
        self.given = given
        self.suffix = suffix
        self.literal = literal
        self.affiliation = affiliation
    }

    /// "Family, Given, Suffix" (or the literal name), as in a reference list.
    public var sortName: String {
        if let literal { return literal }
        return [family, given, suffix].compactMap { $0 }.joined(separator: ", ")
    }

    /// "Given Family, Suffix" (or the literal name), as in running text.
    public var displayName: String {
        if let literal { return literal }
        // Concatenated, not `joined`: the browser's first frame shows a name,
        // and that generic's first use costs it a tenth of a millisecond.
        var name = given ?? ""
        if let family { name = given == nil ? family : name + " " + family }
        if let suffix { name += ", " + suffix }
        return name
    }
}
