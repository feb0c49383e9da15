extension Record {
    /// The record's DOI as an https address (`https://doi.org/…`), the
    /// characters a URL path may not hold percent-encoded; else its URL;
    /// `nil` without either.
    public var link: String? {
        guard let doi, !doi.isEmpty else { return url }
        return "https://doi.org/" + PercentEncoding.encoded(doi)
    }
}

/// Whether an address may be handed to an opener such as `xdg-open`: only
/// http and https, nothing an opener could read as an option, no spaces or
/// control characters.
public enum OpenableLink {
    public static func isOpenable(_ link: String) -> Bool {
        let lowered = link.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return false }
        return !link.hasPrefix("-") && !link.unicodeScalars.contains { $0.value <= 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
    }
}
