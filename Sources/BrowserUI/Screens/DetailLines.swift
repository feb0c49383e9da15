import OstromCore

/// The detail pane's lines: those worked out whole, then (on the Ladder)
/// the "Placed here" rows, each made only when read. The pane draws a
/// screenful of a list that may hold a good part of a large library.
struct DetailLines: RandomAccessCollection {
    private let lines: [StyledLine]
    private let placed: LadderDetail.PlacedRows?

    init(_ lines: [StyledLine], then placed: LadderDetail.PlacedRows? = nil) {
        self.lines = lines
        self.placed = placed
    }

    var startIndex: Int { 0 }
    var endIndex: Int { lines.count + (placed?.count ?? 0) }

    subscript(position: Int) -> StyledLine {
        guard position >= lines.count, let placed else { return lines[position] }
        return placed.line(position - lines.count)
    }
}
