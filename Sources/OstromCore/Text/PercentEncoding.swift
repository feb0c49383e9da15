/// Text as a URL's path may hold it: letters, digits and `-._~/:;()!*+,=@'`
/// kept, every other byte of its UTF-8 written `%XX` (so `?`, `#`, `%`,
/// spaces and other characters cannot end or change the path).
public enum PercentEncoding {
    public static func encoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }

    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:;()!*+,=@'".utf8)
}
