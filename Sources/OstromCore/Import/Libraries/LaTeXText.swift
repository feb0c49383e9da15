import Foundation

/// LaTeX as BibTeX fields write it, turned into plain Unicode: accents
/// (`{\"u}`, `\'{e}`, `\~o`), special letters (`{\ss}`, `\o`, `\l`), escapes
/// (`\&`, `\%`, `\_`), dashes (`--`, `---`), `~` as a space, and the braces
/// that protect case removed. Read on bytes: every title of a large
/// library has braces, and most names of some have accents.
public enum LaTeXText {
    /// Accent commands and the combining marks they put on their letter.
    private static let accents: [UInt8: String] = [
        0x22: "\u{308}", 0x27: "\u{301}", 0x60: "\u{300}", 0x5E: "\u{302}", 0x7E: "\u{303}", 0x3D: "\u{304}",
        0x2E: "\u{307}", 0x75: "\u{306}", 0x76: "\u{30C}", 0x48: "\u{30B}", 0x63: "\u{327}", 0x6B: "\u{328}",
        0x72: "\u{30A}", 0x64: "\u{323}", 0x62: "\u{331}",
    ]
    private static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘", "ldots": "…",
        "dots": "…", "textellipsis": "…", "euro": "€", "pounds": "£", "copyright": "©",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
    ]
    /// `\&`, `\%`, `\$`, `\#`, `\_`, `\{`, `\}`, `\ ` stand for themselves; `\\` is a space.
    private static let escaped: Set<UInt8> = [0x26, 0x25, 0x24, 0x23, 0x5F, 0x7B, 0x7D, 0x20, 0x5C]

    /// A field's text as it is shown: LaTeX decoded, white space
    /// collapsed. Most fields need neither, which is found on the bytes,
    /// and their String is made straight from them.
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if needsDecoding(bytes) { return string(decoded(bytes)) }
        return WhiteSpace.isNormalised(bytes) ? String(decoding: bytes, as: UTF8.self) : WhiteSpace.normalised(bytes)
    }

    /// Whether the bytes hold `\`, a brace, `~` or `--`.
    static func needsDecoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstIndex(Markup.self, in: bytes, from: 0) < bytes.count
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

    /// The decoded bytes as a String, white space collapsed; accents were
    /// added as combining marks, so they are composed where there are any.
    private static func string(_ decoded: (bytes: [UInt8], accented: Bool)) -> String {
        let text = decoded.bytes.withUnsafeBufferPointer { bytes in
            WhiteSpace.isNormalised(bytes) ? String(decoding: bytes, as: UTF8.self) : WhiteSpace.normalised(bytes)
        }
        return decoded.accented ? text.precomposedStringWithCanonicalMapping : text
    }

    private static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], accented: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var accented = false
        var index = 0
        while index < bytes.count {
            // Plain text is copied a run at a time.
            let special = ByteScan.firstIndex(of: 0x7B, 0x7D, 0x7E, 0x2D, 0x5C, in: bytes, from: index)
            output.append(contentsOf: bytes[index..<special])
            index = special
            guard index < bytes.count else { break }
            switch bytes[index] {
            case 0x7B, 0x7D:
                index += 1
            case 0x7E:
                output.append(0x20)
                index += 1
            case 0x2D:
                let dashes = bytes[index...].prefix(3).prefix { $0 == 0x2D }.count
                output.append(contentsOf: dashes == 3 ? Array("—".utf8) : dashes == 2 ? Array("–".utf8) : [0x2D])
                index += dashes
            default:
                index = command(bytes, at: index + 1, into: &output, accented: &accented)
            }
        }
        return (output, accented)
    }

    /// Reads the command after a backslash; returns where reading goes on.
    private static func command(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8], accented: inout Bool) -> Int {
        guard start < bytes.count else { return start }
        let first = bytes[start]
        if escaped.contains(first) {
            output.append(first == 0x5C ? 0x20 : first)
            return start + 1
        }
        // An accent: \"u, \"{u}, \'{\i}, \c c
        if let accent = accents[first], !(isLetter(first) && start + 1 < bytes.count && isLetter(bytes[start + 1])) {
            var index = start + 1
            while index < bytes.count && bytes[index] == 0x20 && isLetter(first) { index += 1 }
            if index < bytes.count && bytes[index] == 0x7B {
                index += 1
                while index < bytes.count && bytes[index] != 0x7D {
                    if bytes[index] != 0x5C { output.append(bytes[index]) }
                    index += 1
                }
                index += 1
            } else if index < bytes.count && bytes[index] == 0x5C {
                // \'\i: an accent on a dotless i (or j).
                index += 1
                while index < bytes.count && isLetter(bytes[index]) {
                    output.append(bytes[index])
                    index += 1
                }
            } else if index < bytes.count {
                let end = characterEnd(bytes, at: index)
                output.append(contentsOf: bytes[index..<end])
                index = end
            }
            output.append(contentsOf: accent.utf8)
            accented = true
            return min(index, bytes.count)
        }
        // A named command: \ss, \o, \ldots
        var index = start
        while index < bytes.count && isLetter(bytes[index]) { index += 1 }
        if index == start {
            // Another character after a backslash stands for itself.
            let end = characterEnd(bytes, at: start)
            output.append(contentsOf: bytes[start..<end])
            return end
        }
        if let letter = letters[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)] {
            output.append(contentsOf: letter.utf8)
            if index < bytes.count && bytes[index] == 0x20 { index += 1 }
        }
        // Otherwise formatting such as \emph{…} or \textit{…}: the argument is kept.
        return index
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
    }

    /// Where the UTF-8 sequence that starts at `index` ends.
    private static func characterEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
