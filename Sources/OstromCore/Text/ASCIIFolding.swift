import Foundation

/// Folding of text to lowercase ASCII, for ids and accent-blind comparison.
///
/// Foundation's `folding(options:)` leaves letters such as `ł`, `ø` and `đ`
/// alone (they have no decomposition), so the few that matter for names are
/// mapped here explicitly after canonical decomposition drops the marks.
public enum ASCIIFolding {
    private static let specialLetters: [Character: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
        "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
    ]

    /// Lowercased text with diacritics removed; characters with no Latin
    /// equivalent are kept as they are.
    public static func fold(_ text: String) -> String {
        // Most words are ASCII: lowercase their bytes, no Characters.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                result.append(contentsOf: character.lowercased())
            } else if let replacement = specialLetters[character] {
                result.append(replacement)
            } else {
                for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                where !isCombiningMark(scalar) {
                    result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            }
        }
        return result
    }

    /// Only the ASCII letters and digits of the folded text.
    public static func alphanumerics(_ text: String) -> String {
        // On the bytes: an ASCII letter or digit is one byte, and every
        // other byte of the folded text is dropped.
        let kept = fold(text).utf8.filter { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
        return String(decoding: kept, as: UTF8.self)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
