import NcursesTerminal
import TerminalCanvas

/// A role's look as the config file writes it: `"FOREGROUND [on
/// BACKGROUND] [bold] [reverse] [underline] [dim]"`, each colour `default`,
/// a name (`red`, `bright-blue`…), a number from 0 to 255, or `#rrggbb`
/// (exact on a direct-colour terminal, the nearest of the 256 elsewhere).
enum ColourSpec {
    struct Failure: Error {
        var message: String
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func style(_ text: String) throws(Failure) -> Theme.Style {
        var words = text.split(separator: " ").map { String($0).lowercased() }
        var style = Theme.Style()
        while let last = words.last, let attribute = Theme.Attributes.named.first(where: { $0.0 == last })?.1 {
            style.attributes.insert(attribute)
            words.removeLast()
        }
        if words.count == 3, words[1] == "on" {
            style.background = try colour(words[2])
            words.removeLast(2)
        }
        guard words.count == 1 || (words.isEmpty && !style.attributes.isEmpty) else {
            throw Failure(message: "\"\(text)\" is not FOREGROUND [on BACKGROUND] [bold] [reverse] [underline] [dim]")
        }
        if let foreground = words.first { style.foreground = try colour(foreground) }
        return style
    }

    /// A colour as the file writes it.
    static func colour(_ word: String) throws(Failure) -> Theme.Colour {
        if word == "default" { return .terminal }
        if let index = names.firstIndex(of: word) { return .indexed(UInt8(index)) }
        if word.hasPrefix("bright-"), let index = names.firstIndex(of: String(word.dropFirst(7))) { return .indexed(UInt8(index + 8)) }
        if let number = UInt8(word) { return .indexed(number) }
        if word.hasPrefix("#"), word.count == 7, word.dropFirst().allSatisfy(\.isHexDigit), let value = Int(word.dropFirst(), radix: 16) {
            return .rgb(red: UInt8(value >> 16), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        }
        throw Failure(message: "\"\(word)\" is not a colour: default, " + names.joined(separator: ", ")
            + " (or bright-NAME), 0 to 255, or #rrggbb")
    }
}
