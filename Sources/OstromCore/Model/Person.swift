/// An author or speaker: a family/given name (particles such as "van der"
/// belong to the family name) with a suffix ("Jr.", "III"), or a literal
/// name for an organisation.
public struct Person: Hashable, Sendable {
    public var family: String?
    public var given: String?
    public var suffix: String?
    public var literal: String?
    public var affiliation: String?

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
