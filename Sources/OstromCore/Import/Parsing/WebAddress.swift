/// A web address as a source gives it: kept when it is http or https with
/// no spaces or control characters inside, else dropped. A field that
/// holds several (`http://a http://b`, `http://a; http://b`) gives the
/// first.
enum WebAddress {
    static func normalised(_ text: String) -> String? {
        let trimmed = text.trimmed
        if OpenableLink.isOpenable(trimmed) { return trimmed }
        return trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).lazy
            .flatMap { $0.split(separator: ";") }
            .map { $0.trimmed }
            .first(where: OpenableLink.isOpenable)
    }
}
