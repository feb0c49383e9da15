import NcursesTerminal
import TerminalCanvas

/// A role's look as the config file writes it: `"FOREGROUND [on
/// BACKGROUND] [bold] [reverse] [underline] [dim]"`, each colour `default`,
/// a name (`red`, `bright-blue`…), a number from 0 to 255, or `#rrggbb`
/// (drawn as the nearest of the 256 colours).
enum ColourSpec {
    struct Failure: Error {
        var message: String
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let attributes: [(String, Theme.Attributes)] = [("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim)]

    /// A role's name in the file: `tabActive` is `tab-active`.
    static func name(_ role: StyleRole) -> String {
        String(describing: role).reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    static func style(_ text: String) throws(Failure) -> Theme.Style {
        var words = text.split(separator: " ").map { String($0).lowercased() }
        var style = Theme.Style(foreground: -1, background: -1, attributes: [])
        while let last = words.last, let attribute = attributes.first(where: { $0.0 == last })?.1 {
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

    /// A colour as one of the 256 (-1 is the terminal's own).
    static func colour(_ word: String) throws(Failure) -> Int16 {
        if word == "default" { return -1 }
        if let index = names.firstIndex(of: word) { return Int16(index) }
        if word.hasPrefix("bright-"), let index = names.firstIndex(of: String(word.dropFirst(7))) { return Int16(index + 8) }
        if let number = Int16(word), (0...255).contains(number) { return number }
        if word.hasPrefix("#"), word.count == 7, let value = Int(word.dropFirst(), radix: 16) {
            return nearest(red: value >> 16, green: value >> 8 & 0xFF, blue: value & 0xFF)
        }
        throw Failure(message: "\"\(word)\" is not a colour: default, " + names.joined(separator: ", ")
            + " (or bright-NAME), 0 to 255, or #rrggbb")
    }

    /// The nearest of the 240 colours above 15 (the first 16 vary by terminal).
    static func nearest(red: Int, green: Int, blue: Int) -> Int16 {
        (16...255).min { a, b in
            distance(Theme.rgb(Int16(a)), (red, green, blue)) < distance(Theme.rgb(Int16(b)), (red, green, blue))
        }.map(Int16.init) ?? -1
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
    }

    /// How the default file writes a style.
    static func text(_ style: Theme.Style) -> String {
        var words = [style.foreground == -1 ? "default" : String(style.foreground)]
        if style.background != -1 { words += ["on", String(style.background)] }
        words += attributes.filter { style.attributes.contains($0.1) }.map(\.0)
        return words.joined(separator: " ")
    }
}
