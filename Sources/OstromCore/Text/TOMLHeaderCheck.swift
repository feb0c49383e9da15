/// Finds a table header whose name does not start as a TOML key can
/// (`[é]`, `[`, `[[[1]]]`, `[ =]`): toml++ 3.4, which TOMLKit 0.6 carries,
/// asserts on those and ends the program instead of reporting an error
/// (fixed upstream in tomlplusplus#301, in no TOMLKit release yet), so the
/// config file is checked for them first. A header is a `[` first on its
/// line outside any string, comment or value (a value's array may span
/// lines); after it and an optional second `[` and blanks, a key starts
/// with an ASCII letter, digit, `-`, `_` or a quote, and `]` (an empty
/// name) toml++ reports itself.
public enum TOMLHeaderCheck {
    /// The line (from 1) of the first such header, or nil.
    public static func badHeaderLine(in text: String) -> Int? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.firstBadHeader()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        /// Open `[` and `{` of values.
        var depth = 0
        var atLineStart = true

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func firstBadHeader() -> Int? {
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\n":
                    line += 1
                    atLineStart = true
                case " ", "\t", "\r":
                    break
                case "#":
                    while index < scalars.count, scalars[index] != "\n" { index += 1 }
                case "\"", "'":
                    skipString(opening: scalar)
                    atLineStart = false
                case "[" where atLineStart && depth == 0:
                    guard headerNameStartsWell() else { return line }
                    atLineStart = false
                case "[", "{":
                    depth += 1
                    atLineStart = false
                case "]", "}":
                    depth = max(0, depth - 1)
                    atLineStart = false
                default:
                    atLineStart = false
                }
            }
            return nil
        }

        /// After a header's `[`: an optional second `[`, blanks, then what
        /// starts a key (or `]`).
        private mutating func headerNameStartsWell() -> Bool {
            if index < scalars.count, scalars[index] == "[" { index += 1 }
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            guard index < scalars.count else { return false }
            let first = scalars[index]
            return first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first) || "-_\"']".unicodeScalars.contains(first))
        }

        /// Past a string that opened with `quote` (one already read): basic
        /// or literal, on one line or (tripled) on several.
        private mutating func skipString(opening quote: Unicode.Scalar) {
            let tripled = index + 1 < scalars.count && scalars[index] == quote && scalars[index + 1] == quote
            if tripled { index += 2 }
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\\" && quote == "\"" {
                    if index < scalars.count, scalars[index] == "\n" { line += 1 }
                    index += 1
                } else if scalar == "\n" {
                    line += 1
                    if !tripled { atLineStart = true; return }
                } else if scalar == quote {
                    guard tripled else { return }
                    if index + 1 < scalars.count, scalars[index] == quote, scalars[index + 1] == quote {
                        index += 2
                        // A closing run may have one or two more quotes (part of the string).
                        while index < scalars.count, scalars[index] == quote { index += 1 }
                        return
                    }
                }
            }
        }
    }
}
