import Foundation

/// LaTeX as BibTeX fields write it, turned into plain Unicode: accents
/// (`{\"u}`, `\'{e}`, `\~o`), special letters (`{\ss}`, `\o`, `\l`), escapes
/// (`\&`, `\%`, `\_`), dashes (`--`, `---`), `~` as a space, and the braces
/// that protect case removed.
public enum LaTeXText {
    private static let accents: [Character: Unicode.Scalar] = [
        "\"": "\u{308}", "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "~": "\u{303}", "=": "\u{304}",
        ".": "\u{307}", "u": "\u{306}", "v": "\u{30C}", "H": "\u{30B}", "c": "\u{327}", "k": "\u{328}",
        "r": "\u{30A}", "d": "\u{323}", "b": "\u{331}",
    ]
    private static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘", "ldots": "…",
        "dots": "…", "textellipsis": "…", "euro": "€", "pounds": "£", "copyright": "©",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
    ]
    private static let escaped: Set<Character> = ["&", "%", "$", "#", "_", "{", "}", " ", "\\"]

    public static func decode(_ text: String) -> String {
        // Most text needs nothing done: look at the bytes first.
        var text = text
        guard text.withUTF8(needsDecoding) else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "{", "}":
                index += 1
            case "~":
                output.append(" ")
                index += 1
            case "-":
                if index + 2 < characters.count && characters[index + 1] == "-" && characters[index + 2] == "-" {
                    output.append("—")
                    index += 3
                } else if index + 1 < characters.count && characters[index + 1] == "-" {
                    output.append("–")
                    index += 2
                } else {
                    output.append("-")
                    index += 1
                }
            case "\\":
                index = command(characters, at: index + 1, into: &output)
            default:
                output.append(character)
                index += 1
            }
        }
        // Accents were added as combining marks: compose them where any were.
        return output.unicodeScalars.contains(where: { (0x300...0x36F).contains($0.value) }) ? output.precomposedStringWithCanonicalMapping : output
    }

    /// A field's text as it is shown: LaTeX decoded, white space
    /// collapsed. Most fields need neither, which is found on the bytes,
    /// and their String is made straight from them.
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if !needsDecoding(bytes) && WhiteSpace.isNormalised(bytes) { return text }
        return decode(text).whitespaceNormalised
    }

    /// Whether the bytes hold `\`, a brace, `~` or `--`.
    static func needsDecoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let found = ByteScan.firstIndex(Markup.self, in: bytes, from: 0)
        return found < bytes.count
    }

    /// `\`, `{`, `}`, `~` and `--`.
    private enum Markup: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            let dash = ByteScan.Chunk(repeating: 0x2D)
            return (chunk .== ByteScan.Chunk(repeating: 0x5C)) .| (chunk .== ByteScan.Chunk(repeating: 0x7B))
                .| (chunk .== ByteScan.Chunk(repeating: 0x7D)) .| (chunk .== ByteScan.Chunk(repeating: 0x7E))
                .| ((chunk .== dash) .& (next .== dash))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            switch bytes[index] {
            case 0x5C, 0x7B, 0x7D, 0x7E: true
            case 0x2D: index + 1 < bytes.count && bytes[index + 1] == 0x2D
            default: false
            }
        }
    }

    /// Reads the command after a backslash; returns where reading goes on.
    private static func command(_ characters: [Character], at start: Int, into output: inout String) -> Int {
        guard start < characters.count else { return start }
        let first = characters[start]
        if escaped.contains(first) {
            output.append(first == "\\" ? " " : first)
            return start + 1
        }
        // An accent: \"u, \"{u}, \'{\i}, \c c
        if let accent = accents[first], !(first.isLetter && start + 1 < characters.count && characters[start + 1].isLetter) {
            var index = start + 1
            while index < characters.count && characters[index] == " " && first.isLetter { index += 1 }
            var base = ""
            if index < characters.count && characters[index] == "{" {
                index += 1
                while index < characters.count && characters[index] != "}" {
                    if characters[index] != "\\" { base.append(characters[index]) }
                    index += 1
                }
                index += 1
            } else if index < characters.count && characters[index] == "\\" {
                // \'\i: an accent on a dotless i (or j).
                index += 1
                while index < characters.count && characters[index].isLetter {
                    base.append(characters[index])
                    index += 1
                }
            } else if index < characters.count {
                base.append(characters[index])
                index += 1
            }
            output.append(base + String(Character(accent)))
            return index
        }
        // A named command: \ss, \o, \ldots
        var index = start
        var name = ""
        while index < characters.count && characters[index].isLetter {
            name.append(characters[index])
            index += 1
        }
        if let letter = letters[name] {
            output.append(letter)
            if index < characters.count && characters[index] == " " { index += 1 }
        } else if !name.isEmpty {
            // Formatting such as \emph{…} or \textit{…}: keep the argument.
        } else {
            output.append(first)
            index += 1
        }
        return index
    }
}
