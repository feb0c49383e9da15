/// ISO 639-1 codes from the forms catalogs use: ISO 639-2 (`eng`, `ger`),
/// English and German language names.
public enum LanguageCodes {
    private static let table: [String: String] = [
        "eng": "en", "english": "en", "englisch": "en", "en": "en",
        "ger": "de", "deu": "de", "german": "de", "deutsch": "de", "de": "de",
        "fre": "fr", "fra": "fr", "french": "fr", "französisch": "fr", "fr": "fr",
        "spa": "es", "spanish": "es", "spanisch": "es", "es": "es",
        "ita": "it", "italian": "it", "italienisch": "it", "it": "it",
        "dut": "nl", "nld": "nl", "dutch": "nl", "niederländisch": "nl", "nl": "nl",
        "fin": "fi", "finnish": "fi", "finnisch": "fi", "fi": "fi",
        "swe": "sv", "swedish": "sv", "schwedisch": "sv", "sv": "sv",
        "dan": "da", "danish": "da", "dänisch": "da", "da": "da",
        "nor": "no", "norwegian": "no", "norwegisch": "no", "no": "no",
        "por": "pt", "portuguese": "pt", "portugiesisch": "pt", "pt": "pt",
        "pol": "pl", "polish": "pl", "polnisch": "pl", "pl": "pl",
        "rus": "ru", "russian": "ru", "russisch": "ru", "ru": "ru",
        "chi": "zh", "zho": "zh", "chinese": "zh", "chinesisch": "zh", "zh": "zh",
        "jpn": "ja", "japanese": "ja", "japanisch": "ja", "ja": "ja",
        "kor": "ko", "korean": "ko", "koreanisch": "ko", "ko": "ko",
    ]

    /// The two-letter code, or `nil` when the name is not known.
    public static func code(for name: String) -> String? {
        table[name.trimmed.lowercased()]
    }
}
