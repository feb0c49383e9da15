/// A web address as a source gives it: kept when it is http or https with
/// no spaces or control characters inside, else dropped. A field that
/// holds several (`http://a http://b`, `http://a; http://b`) gives the
/// first.
enum WebAddress {
    static func normalised(_ text: String) -> String? {
        var trimmed = text.trimmed
        // "www.example.org" is a web address without its scheme.
        if trimmed.hasPrefix("www."), !trimmed.contains(" ") { trimmed = "http://" + trimmed }
        // A semicolon may stand in an address, but not before another one.
        let joined = trimmed.utf8.contains(0x3B) && trimmed.range(of: ";http") != nil
        if !joined && OpenableLink.isOpenable(trimmed) { return trimmed }
        return trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).lazy
            .flatMap { $0.split(separator: ";") }
            .map { $0.trimmed }
            .first(where: OpenableLink.isOpenable)
    }
}
