/// Makes document text safe to show on a terminal: no byte of a document
/// may reach the terminal as a control sequence.
///
/// C0 controls become caret notation (`^[`), DEL becomes `^?`, C1 controls
/// and bidirectional overrides/isolates become `<U+XXXX>`, and a tab becomes
/// spaces up to the next multiple of `tabWidth`. Invalid UTF-8 never gets
/// this far: input is decoded with U+FFFD replacement when it is read.
public enum TerminalSafeText {
    /// Whether a scalar must not be written to a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    /// The visible replacement for one unsafe scalar (not used for tab).
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20 { return "^" + String(Character(Unicode.Scalar(UInt8(value) + 0x40))) }
        if value == 0x7F { return "^?" }
        return "<U+" + hex4(value) + ">"
    }

    /// The text with every unsafe scalar replaced; line feeds are kept when
    /// `keepNewlines` is set, otherwise shown as `^J`.
    public static func sanitize(_ text: String, keepNewlines: Bool = false, tabWidth: Int = 4) -> String {
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var result = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepNewlines {
                result.append(scalar)
                column = 0
            } else if scalar == "\t" {
                let spaces = tabWidth - column % tabWidth
                result.append(contentsOf: String(repeating: " ", count: spaces).unicodeScalars)
                column += spaces
            } else if isUnsafe(scalar) {
                let shown = visible(scalar)
                result.append(contentsOf: shown.unicodeScalars)
                column += shown.count
            } else {
                result.append(scalar)
                column += 1
            }
        }
        return String(result)
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
