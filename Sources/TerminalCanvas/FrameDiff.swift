/// The changes between two frames as runs of cells to write, so that the
/// backend writes only what changed. A wide character is always written
/// whole: a run never starts on a continuation cell.
public enum FrameDiff {
    /// Cells to write at a position, left to right on one row.
    public struct Run: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    /// The runs that turn `old` into `new`; everything when the sizes differ
    /// or there is no old frame.
    public static func runs(from old: CellGrid?, to new: CellGrid) -> [Run] {
        let sameSize = old.map { $0.width == new.width && $0.height == new.height } ?? false
        var runs: [Run] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                if sameSize, let old, old[x, y] == new[x, y] {
                    x += 1
                    continue
                }
                var start = x
                if new[start, y].isContinuation && start > 0 { start -= 1 }
                var cells: [Cell] = []
                var end = start
                while end < new.width {
                    let changed = !sameSize || old.map { $0[end, y] != new[end, y] } ?? true
                    let continuesWide = end > start && new[end, y].isContinuation
                    if !changed && !continuesWide { break }
                    cells.append(new[end, y])
                    end += 1
                }
                if let last = runs.last, last.y == y, last.x + last.cells.count == start {
                    runs[runs.count - 1].cells += cells
                } else {
                    runs.append(Run(x: start, y: y, cells: cells))
                }
                x = end
            }
        }
        return runs
    }
}
