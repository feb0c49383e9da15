import OstromCore
import Testing
@testable import BrowserUI

@Suite struct MarkedTextTests {
    /// A marked sentence: marks by character offset in the match role, a
    /// control character shown safely inside its mark, a line end as a
    /// space, and a mark past the end ignored.
    @Test func marksFollowTheCharactersMadeSafe() {
        let lines = StyledLine.wrapped("a\u{1B}b\ncafé d", marks: [1..<3, 5..<7, 40..<50], width: 40)
        #expect(lines.count == 1)
        #expect(lines[0].spans.map(\.text) == ["• ", "a", "^[b", " c", "af", "é d"])
        #expect(lines[0].spans.map(\.role) == [.normal, .normal, .match, .normal, .match, .normal])
    }

    @Test func wrappedRowsKeepTheirMarks() {
        // 16 columns less the bullet's 2: rows of 14.
        let lines = StyledLine.wrapped("peer support and peer review", marks: [0..<12, 17..<21], width: 16)
        #expect(lines.map { $0.spans.map(\.text) } == [["• ", "peer support"], ["  ", "and ", "peer"], ["  ", "review"]])
        #expect(lines.map { $0.spans.map(\.role) } == [[.normal, .match], [.normal, .normal, .match], [.normal, .normal]])
    }
}
