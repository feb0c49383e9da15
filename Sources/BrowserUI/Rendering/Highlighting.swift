import OstromCore
import TerminalCanvas

extension StyledLine {
    /// The line with every search match in the `match` role.
    func highlighted(by terms: MatchTerms) -> StyledLine {
        guard !terms.isEmpty else { return self }
        var result: [Span] = []
        for span in spans {
            let ranges = terms.ranges(in: span.text)
            guard !ranges.isEmpty else {
                result.append(span)
                continue
            }
            var cursor = span.text.startIndex
            for range in ranges {
                if cursor < range.lowerBound { result.append(Span(text: String(span.text[cursor..<range.lowerBound]), role: span.role, link: span.link)) }
                result.append(Span(text: String(span.text[range]), role: .match, link: span.link))
                cursor = range.upperBound
            }
            if cursor < span.text.endIndex { result.append(Span(text: String(span.text[cursor...]), role: span.role, link: span.link)) }
        }
        return StyledLine(result)
    }

    var hasMatch: Bool { spans.contains { $0.role == .match } }
}
