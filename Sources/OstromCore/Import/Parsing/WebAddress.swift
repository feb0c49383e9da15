/// A web address as a source gives it: kept when it is http or https with
/// no spaces or control characters inside, else dropped.
enum WebAddress {
    static func normalised(_ text: String) -> String? {
        let trimmed = text.trimmed
        return OpenableLink.isOpenable(trimmed) ? trimmed : nil
    }
}
