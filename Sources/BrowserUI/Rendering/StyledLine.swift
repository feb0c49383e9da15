import Foundation
import OstromCore
import TerminalCanvas

/// A line of text in styled pieces, ready to draw into a grid.
public struct StyledLine: Equatable, Sendable {
    public struct Span: Equatable, Sendable {
        public var text: String
        public var role: StyleRole
        /// A web address the text stands for (drawn as an OSC 8 hyperlink).
        public var link: String?
    }

    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    public init(_ text: String, _ role: StyleRole = .normal) {
        spans = [Span(text: text, role: role)]
    }

    public static let blank = StyledLine()

    /// The text without its roles.
    var plainText: String { spans.map(\.text).joined() }

    /// The line with every occurrence of `text` (any case) in the match role.
    func marking(_ text: String) -> StyledLine {
        guard !text.isEmpty else { return self }
        var marked: [Span] = []
        for span in spans {
            var rest = span.text[...]
            while let found = rest.range(of: text, options: [.caseInsensitive]) {
                if found.lowerBound > rest.startIndex { marked.append(Span(text: String(rest[..<found.lowerBound]), role: span.role, link: span.link)) }
                marked.append(Span(text: String(rest[found]), role: .match, link: span.link))
                rest = rest[found.upperBound...]
            }
            if !rest.isEmpty { marked.append(Span(text: String(rest), role: span.role, link: span.link)) }
        }
        return StyledLine(marked)
    }

    /// Paragraph text wrapped to `width`, every row in one role, indented.
    /// Past `shownBytes`, a pane shows only how much more there is: a 10 MB
    /// note wrapped on every frame took seconds a frame.
    static func wrapped(_ text: String, width: Int, role: StyleRole = .normal, indent: Int = 0) -> [StyledLine] {
        let pad = String(repeating: " ", count: indent)
        let (shown, more) = capped(text)
        let lines = TextWrapping.wrap(TerminalSafeText.sanitize(shown, keepNewlines: true), width: max(1, width - indent))
            .map { StyledLine(pad + $0, role) }
        return more == 0 ? lines : lines + [StyledLine(pad + "… and \(more >> 10) KB more", .dim)]
    }

    /// How much of a text a pane lays out.
    static let shownBytes = 32 << 10

    /// The first `shownBytes` of `text` (cut on a character), and how many bytes are left out.
    static func capped(_ text: String) -> (text: String, more: Int) {
        let count = text.utf8.count
        guard count > shownBytes else { return (text, 0) }
        var cut = String(decoding: text.utf8.prefix(shownBytes), as: UTF8.self)
        if cut.last == "\u{FFFD}" { cut.removeLast() }
        return (cut, count - cut.utf8.count)
    }

    /// "Label  value" rows: the label in its role, the value wrapped under
    /// itself.
    static func field(_ label: String, _ value: String, labelWidth: Int, width: Int) -> [StyledLine] {
        let valueWidth = max(1, width - labelWidth - 1)
        let rows = TextWrapping.wrap(TerminalSafeText.sanitize(value), width: valueWidth)
        return rows.enumerated().map { index, row in
            let label = index == 0 ? TextWrapping.pad(label, width: labelWidth) : String(repeating: " ", count: labelWidth)
            return StyledLine([Span(text: label + " ", role: .label), Span(text: row, role: .normal)])
        }
    }
}

extension CellGrid {
    /// Draws a styled line at (x, y), clipped to `width`; the rest of the
    /// width is filled with `fill`. With `ellipsis`, a line cut short ends
    /// with `…` (in the role of the text it cuts), at its display width.
    mutating func draw(_ line: StyledLine, x: Int, y: Int, width: Int, fill: StyleRole = .normal, ellipsis: Bool = false) {
        self.fill(Rect(x: x, y: y, width: width, height: 1), role: fill)
        let cut = ellipsis && line.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } > width
        let room = cut ? width - 1 : width
        var column = 0
        var lastRole = fill
        for span in line.spans where column < room {
            let used = put(span.text, x: x + column, y: y, role: span.role, limit: room - column)
            if let link = span.link { addLink(link, x: x + column, y: y, width: used) }
            if used > 0 { lastRole = span.role }
            column += used
        }
        if cut, room >= 0 { put("…", x: x + column, y: y, role: lastRole, limit: width - column) }
    }
}
