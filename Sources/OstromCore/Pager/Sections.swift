/// Section headings in plain text, for `[`, `]` and the table of contents:
/// a short line that starts with a capital, a digit or `#`, does not end
/// like a sentence fragment (`.`, `,`, `;`, `:`), and is followed by a
/// paragraph (a line of 80 or more bytes, perhaps after one blank line).
public enum Sections {
    public struct Heading: Equatable, Sendable {
        public var offset: Int
        public var title: String
    }

    static let maximumHeadingCharacters = 60
    static let minimumParagraphBytes = 80
    /// How far `[`/`]` look before giving up (a large file with no headings).
    public static let searchLimit = 64 << 20

    /// Whether the line starting at `start` is a heading.
    public static func isHeading(at start: Int, in text: PagedText) -> Bool {
        let end = text.lineEnd(from: start)
        let length = end - start
        guard length >= 2, length <= maximumHeadingCharacters * 4 else { return false }
        let line = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[start..<end]), as: UTF8.self)
        guard line.count <= maximumHeadingCharacters, let first = line.first, let last = line.last else { return false }
        guard first.isUppercase || first.isNumber || first == "#", !".,;:".contains(last) else { return false }
        guard var next = text.nextLineStart(after: start) else { return false }
        if text.lineEnd(from: next) == next, let after = text.nextLineStart(after: next) { next = after }
        return text.lineEnd(from: next) - next >= minimumParagraphBytes
    }

    /// The first heading after the line holding `offset`.
    public static func next(after offset: Int, in text: PagedText) -> Int? {
        var line = text.lineStart(containing: offset)
        let limit = min(text.count, offset + searchLimit)
        while let next = text.nextLineStart(after: line), next < limit {
            if isHeading(at: next, in: text) { return next }
            line = next
        }
        return nil
    }

    /// The last heading before the line holding `offset`.
    public static func previous(before offset: Int, in text: PagedText) -> Int? {
        var line = text.lineStart(containing: offset)
        let limit = max(0, offset - searchLimit)
        while let previous = text.previousLineStart(before: line), previous >= limit {
            if isHeading(at: previous, in: text) { return previous }
            line = previous
        }
        return nil
    }

    /// Every heading, in order, up to `limit` of them within `searchLimit` bytes.
    public static func all(in text: PagedText, limit: Int = 2000) -> [Heading] {
        var headings: [Heading] = []
        var line: Int? = 0
        while let start = line, start < min(text.count, searchLimit), headings.count < limit {
            if isHeading(at: start, in: text) {
                let title = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[start..<text.lineEnd(from: start)]), as: UTF8.self)
                headings.append(Heading(offset: start, title: title))
            }
            line = text.nextLineStart(after: start)
        }
        return headings
    }
}
