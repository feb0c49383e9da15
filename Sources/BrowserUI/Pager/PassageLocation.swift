/// Where a passage given by source-file lines lies in a record's body
/// (which starts at some line of its file), as bytes, for the pager.
enum PassageLocation {
    /// The bytes of lines `lines[0]...lines[1]` (1-based, of the file)
    /// within `body`, whose first line is the file's `firstLine`.
    static func byteRange(ofLines lines: [Int], firstLine: Int, in body: String) -> Range<Int>? {
        guard lines.count == 2 else { return nil }
        let from = lines[0] - firstLine
        let to = max(from, lines[1] - firstLine)
        guard from >= 0 else { return nil }
        var start: Int?
        var offset = 0
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let length = line.utf8.count
            if index == from { start = offset }
            if index == to, let start { return start..<(offset + length) }
            offset += length + 1
        }
        return nil
    }
}
