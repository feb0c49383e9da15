import OstromCore
import TerminalCanvas

extension StyledLine {
    /// A sentence wrapped to `width` with the character ranges `marks` in
    /// the `match` role, the first row after `bullet`, the rest indented
    /// under it.
    static func wrapped(_ text: String, marks: [Range<Int>], width: Int, bullet: String = "• ") -> [StyledLine] {
        // Each character, made safe, with whether it is marked; wrapping
        // only drops spaces, so the rows are walked in step with it.
        var characters: [(character: Character, marked: Bool)] = []
        var marked = [Bool](repeating: false, count: text.count)
        for mark in marks {
            for offset in mark.clamped(to: 0..<marked.count) { marked[offset] = true }
        }
        for (offset, character) in text.enumerated() {
            if character.isNewline {
                characters.append((" ", marked[offset]))
            } else if character.unicodeScalars.contains(where: TerminalSafeText.isUnsafe) {
                characters += TerminalSafeText.sanitize(String(character)).map { ($0, marked[offset]) }
            } else {
                characters.append((character, marked[offset]))
            }
        }
        let indent = String(repeating: " ", count: DisplayWidth.of(bullet))
        var position = 0
        return TextWrapping.wrap(String(characters.map(\.character)), width: max(1, width - indent.count)).enumerated().map { row, line in
            var spans = [Span(text: row == 0 ? bullet : indent, role: .normal)]
            for character in line {
                while position < characters.count, characters[position].character != character { position += 1 }
                let role: StyleRole = position < characters.count && characters[position].marked ? .match : .normal
                if spans.count > 1, spans[spans.count - 1].role == role {
                    spans[spans.count - 1].text.append(character)
                } else {
                    spans.append(Span(text: String(character), role: role))
                }
                position += 1
            }
            return StyledLine(spans)
        }
    }
}
