import OstromCore

/// An off-screen frame: every cell of the terminal. Text enters only
/// through `put`, which sanitises it, so no document byte can reach the
/// terminal as a control sequence whatever screen draws it.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Web addresses attached to runs of cells (OSC 8 hyperlinks).
    public internal(set) var links: [Hyperlink] = []

    public init(width: Int, height: Int, role: StyleRole = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Fills a rectangle (clipped to the grid) with blanks of a role.
    public mutating func fill(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x] = .blank(role) }
        }
    }

    /// Writes text from (x, y), clipped to `limit` columns and the grid;
    /// returns the columns used. Unsafe characters appear visibly (`^[`,
    /// `<U+202E>`), a tab becomes spaces, a wide character that does not fit
    /// becomes a space, and overwriting half of a wide character clears the
    /// other half.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in TerminalSafeText.sanitize(text) {
            if column >= end { break }
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                if column > x, column - 1 >= 0 { appendCombining(character, at: column - 1, y: y) }
                continue
            }
            if column + characterWidth > end {
                if column >= 0 { set(.blank(role), x: column, y: y) }
                column += 1
                break
            }
            if column >= 0 {
                set(Cell(text: String(character), width: UInt8(characterWidth), role: role), x: column, y: y)
                if characterWidth == 2 { set(.continuation(role), x: column + 1, y: y) }
            }
            column += characterWidth
        }
        return column - x
    }

    /// Changes the role of cells without changing their text.
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x].role = role }
        }
    }

    /// Replacing either half of a wide character blanks its other half
    /// (a continuation written right after its own head is not a stranger).
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0, !cell.isContinuation { cells[index - 1] = .blank(cells[index - 1].role) }
        if old.width == 2, x + 1 < width { cells[index + 1] = .blank(cells[index + 1].role) }
        cells[index] = cell
    }

    private mutating func appendCombining(_ character: Character, at x: Int, y: Int) {
        var target = x
        if cells[y * width + target].isContinuation, target > 0 { target -= 1 }
        cells[y * width + target].text.append(character)
    }

    // MARK: - Reading back (tests, diffs)

    /// The text of a row; continuation cells add nothing.
    public func rowText(_ y: Int) -> String {
        (0..<width).reduce(into: "") { text, x in text += self[x, y].text }
    }

    /// One role code per column (continuations repeat their wide cell's).
    public func rowRoles(_ y: Int) -> String {
        String((0..<width).map { self[$0, y].role.code })
    }

    /// Rows between `|…|` (so trailing spaces show), then the role rows.
    public func snapshot() -> String {
        var lines = (0..<height).map { "|" + rowText($0) + "|" }
        lines.append("")
        lines += (0..<height).map { "|" + rowRoles($0) + "|" }
        return lines.joined(separator: "\n") + "\n"
    }
}
