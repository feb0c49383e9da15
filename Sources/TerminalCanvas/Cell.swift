/// One terminal cell: a grapheme cluster, its display width and its role.
/// The right half of a wide character is a continuation cell (width 0,
/// empty text) so that no stale half can remain.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var role: StyleRole

    public init(text: String, width: UInt8, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static func blank(_ role: StyleRole = .normal) -> Cell {
        Cell(text: " ", width: 1, role: role)
    }

    static func continuation(_ role: StyleRole) -> Cell {
        Cell(text: "", width: 0, role: role)
    }

    public var isContinuation: Bool { width == 0 }
}
