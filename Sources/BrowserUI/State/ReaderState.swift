import OstromCore

/// A text shown full screen (a transcript): its lines, which of them to
/// highlight, and the reading position as a line and a row within it, so
/// that a resize keeps the place.
public struct ReaderState: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    /// The source file's line number of `lines[0]`, for passages given by
    /// file line.
    public var firstSourceLine: Int
    /// Indices into `lines` of the passage to highlight.
    public var highlight: ClosedRange<Int>?
    public var topLine = 0
    public var topRowInLine = 0

    public init(title: String, text: String, firstSourceLine: Int = 1, passage: [Int]? = nil) {
        self.title = title
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.firstSourceLine = firstSourceLine
        if let passage, passage.count == 2 {
            let from = max(0, passage[0] - firstSourceLine)
            let to = min(lines.count - 1, max(from, passage[1] - firstSourceLine))
            if from < lines.count {
                highlight = from...to
                topLine = from
            }
        }
    }

    /// Wrapped rows of every line at a width: (line index, text).
    func rows(width: Int) -> [(line: Int, text: String)] {
        var rows: [(line: Int, text: String)] = []
        for (index, line) in lines.enumerated() {
            let wrapped = TextWrapping.wrap(TerminalSafeText.sanitize(line), width: max(1, width))
            for part in wrapped { rows.append((index, part)) }
        }
        return rows
    }

    /// The index of the first row shown, among `rows`.
    func topRow(in rows: [(line: Int, text: String)]) -> Int {
        guard let first = rows.firstIndex(where: { $0.line == topLine }) else { return 0 }
        var index = first + topRowInLine
        while index > first, index >= rows.count || rows[index].line != topLine { index -= 1 }
        return index
    }

    /// Scrolls by `delta` rows within `rows`, showing `height` rows.
    mutating func scroll(by delta: Int, rows: [(line: Int, text: String)], height: Int) {
        guard !rows.isEmpty else { return }
        let maxTop = max(0, rows.count - height)
        let target = max(0, min(maxTop, topRow(in: rows) + delta))
        topLine = rows[target].line
        topRowInLine = target - (rows.firstIndex { $0.line == topLine } ?? target)
    }
}
