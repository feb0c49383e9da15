/// Word wrapping and truncation by display width (CJK counts two columns,
/// combining marks none).
public enum TextWrapping {
    /// Splits `text` into lines no wider than `width` columns, breaking at
    /// spaces where possible, and anywhere between characters where a word
    /// is wider than the line (as CJK text, which has no spaces, needs).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        // Lines of printable ASCII, most text: read as bytes, a column a
        // byte, ten times faster than Character by Character.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).flatMap { paragraph in
                wrapWords(paragraph, space: 0x20, width: width, widthOf: { _ in 1 }) { String(decoding: $0, as: UTF8.self) }
            }
        }
        return wrapByCharacters(text, width: width)
    }

    /// `wrap`, Character by Character, as any text can be.
    static func wrapByCharacters(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapWords(paragraph, space: " ", width: width, widthOf: DisplayWidth.of) { String($0) }
        }
    }

    /// The lines of one paragraph: its words (split at `space`) put
    /// together up to `width` columns, a word wider than a line broken
    /// between its characters; `widthOf` gives a character's columns and
    /// `string` makes a line.
    private static func wrapWords<Text: Collection>(_ paragraph: Text, space: Text.Element, width: Int,
                                                    widthOf: (Text.Element) -> Int,
                                                    string: ([Text.Element]) -> String) -> [String] where Text.Element: Equatable {
        var lines: [String] = []
        var line: [Text.Element] = []
        var lineWidth = 0
        for word in paragraph.split(separator: space) {
            let wordWidth = word.reduce(0) { $0 + widthOf($1) }
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 1 { line.append(space) }
                line.append(contentsOf: word)
                lineWidth += gap + wordWidth
                continue
            }
            if !line.isEmpty && wordWidth <= width {
                lines.append(string(line))
                line = Array(word)
                lineWidth = wordWidth
                continue
            }
            // The word does not fit on any line: break it by characters.
            if !line.isEmpty {
                lines.append(string(line))
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
            }
            for character in word {
                let characterWidth = widthOf(character)
                if lineWidth + characterWidth > width && !line.isEmpty {
                    lines.append(string(line))
                    line.removeAll(keepingCapacity: true)
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        lines.append(string(line))
        return lines
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// `text` padded with spaces to exactly `width` columns (truncated first
    /// when wider).
    public static func pad(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
