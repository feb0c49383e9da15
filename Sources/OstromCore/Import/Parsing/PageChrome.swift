import Foundation

/// Lines that belong to a web page's furniture (buttons, share links,
/// banners, cookie notices) rather than to the record on it.
enum PageChrome {
    private static let lines: Set<String> = [
        "share", "share this", "share this event", "share this page", "print", "email", "e-mail", "tweet", "copy",
        "copy link", "add to calendar", "add to my calendar", "add to google calendar", "download ical", "ical",
        "google calendar", "outlook", "export to calendar", "register", "register now", "book now", "book your place",
        "book a place", "sign up", "rsvp", "back to events", "« all events", "all events", "back", "more events",
        "upcoming events", "past events", "events", "event details", "past event", "upcoming event",
        "note: this event has already taken place", "this event has passed", "this event has ended",
        "skip to content", "skip to main content", "menu", "search", "home", "log in", "login", "sign in", "subscribe",
        "read more", "facebook", "twitter", "linkedin", "whatsapp", "x", "cookie settings", "accept",
        "accept all cookies", "reject all", "close", "×", "related events", "related content", "tags", "categories",
        "contact us", "privacy policy", "terms of use", "sitemap", "accessibility",
    ]
    private static let prefixes = [
        "we use cookies", "this website uses cookies", "this site uses cookies", "past event!", "copyright", "©",
        "share on ", "follow us",
    ]

    /// Whether a line is page furniture.
    static func isChrome(_ line: String) -> Bool {
        let key = line.whitespaceNormalised.lowercased()
        if key.isEmpty { return false }
        let stripped = key.trimmingCharacters(in: .init(charactersIn: ".!:|"))
        return lines.contains(stripped) || prefixes.contains(where: key.hasPrefix)
    }
}
