/// Finds in a TOML file what toml++ 3.4, which TOMLKit 0.6 carries, asserts
/// on and ends the program for, instead of reporting an error (found by
/// fuzzing the config file; one of them fixed upstream in tomlplusplus#301,
/// in no TOMLKit release yet), so that the config file is checked for them
/// first:
/// - a table header whose name does not start as a key can (`[é]`, a lone
///   `[`, `[[[1]]]`): after the header's `[` (or `[[`) and blanks, a key
///   starts with an ASCII letter, digit, `-`, `_` or a quote (`]`, an empty
///   name, toml++ reports itself);
/// - a `}` where an array expects a value or its `]` (`a = [1,}`);
/// - a character other than ASCII outside strings and comments (a line or
///   paragraph separator there made it assert), which TOML allows nowhere
///   else; a byte order mark at the start is the file's own.
/// A header is a `[` first on its line outside any string, comment or value
/// (a value's array may span lines).
public enum TOMLPrecheck {
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// The first such problem, or nil.
    public static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.firstProblem()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        /// The values' open `[` and `{`, with their lines.
        var open: [(bracket: Unicode.Scalar, line: Int)] = []
        var atLineStart = true

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            if scalars.first == "\u{FEFF}" { index = 1 }
        }

        mutating func firstProblem() -> Problem? {
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
                case "[" where atLineStart && open.isEmpty:
                    guard headerNameStartsWell() else {
                        return Problem(line: line, message: "a table's name must start with a letter, a digit, - or _, or be quoted (\"…\")")
                    }
                    atLineStart = false
                case "[", "{":
                    open.append((scalar, line))
                    atLineStart = false
                case "]", "}":
                    if scalar == "}", let innermost = open.last, innermost.bracket == "[" {
                        return Problem(line: line, message: "“}” where the array begun on line \(innermost.line) needs a value or “]”")
                    }
                    _ = open.popLast()
                    atLineStart = false
                default:
                    guard scalar.isASCII else {
                        return Problem(line: line, message: "\(Self.shown(scalar)) outside quotes: TOML has letters other than ASCII "
                                       + "only in strings (\"…\") and comments")
                    }
                    atLineStart = false
                }
            }
            return nil
        }

        /// A character as a message shows it: visible ones as themselves,
        /// spaces, separators and controls by their number.
        private static func shown(_ scalar: Unicode.Scalar) -> String {
            let visible = scalar.properties.isAlphabetic || scalar.properties.isMath || scalar.properties.generalCategory == .otherPunctuation
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return visible ? "“\(Character(scalar))”" : "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
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
