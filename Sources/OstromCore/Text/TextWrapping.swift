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
            return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).flatMap { wrapASCII($0, width: width) }
        }
        return wrapByCharacters(text, width: width)
    }

    /// `wrap`, Character by Character, as any text can be.
    static func wrapByCharacters(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(paragraph, width: width))
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 1 { line.append(" ") }
                line.append(contentsOf: word)
                lineWidth += gap + wordWidth
                continue
            }
            if !line.isEmpty && wordWidth <= width {
                lines.append(line)
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // The word does not fit on any line: break it by characters.
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width && !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        lines.append(line)
        return lines
    }

    /// `wrapParagraph` for printable ASCII.
    private static func wrapASCII(_ paragraph: Substring.UTF8View, width: Int) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        for word in paragraph.split(separator: 0x20) {
            let gap = line.isEmpty ? 0 : 1
            if line.count + gap + word.count <= width {
                if gap == 1 { line.append(0x20) }
                line.append(contentsOf: word)
                continue
            }
            if !line.isEmpty && word.count <= width {
                lines.append(String(decoding: line, as: UTF8.self))
                line = Array(word)
                continue
            }
            // The word does not fit on any line: break it by characters.
            if !line.isEmpty {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            }
            for byte in word {
                if line.count + 1 > width && !line.isEmpty {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                }
                line.append(byte)
            }
        }
        lines.append(String(decoding: line, as: UTF8.self))
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
