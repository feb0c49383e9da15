/// An author or speaker: a family/given name, or a literal name for an
/// organisation.
public struct Person: Hashable, Sendable {
    public var family: String?
    public var given: String?
    public var literal: String?
    public var affiliation: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil, affiliation: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
        self.affiliation = affiliation
    }

    /// "Family, Given" (or the literal name), as in a reference list.
    public var sortName: String {
        if let literal { return literal }
        return [family, given].compactMap { $0 }.joined(separator: ", ")
    }

    /// "Given Family" (or the literal name), as in running text.
    public var displayName: String {
        if let literal { return literal }
        return [given, family].compactMap { $0 }.joined(separator: " ")
    }
}
