/// Which writing system a text is mostly in, for telling a machine
/// translation's language and picking out its lines.
enum ScriptDetection {
    /// The share of letters in `text` that are Han, kana or Hangul.
    static func cjkShare(_ text: String) -> Double {
        var letters = 0
        var cjk = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if isCJK(scalar) { cjk += 1 }
        }
        return letters == 0 ? 0 : Double(cjk) / Double(letters)
    }

    /// `ja` when kana appear, `ko` for Hangul, else `zh`.
    static func cjkLanguage(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) { return "ja" }
        if text.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) { return "ko" }
        return "zh"
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x2FFFD:
            return true
        default:
            return false
        }
    }
}
