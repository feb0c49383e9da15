import TerminalCanvas

/// A one-line text editor with shell keys: ←/→, Home/End, Ctrl-A/E,
/// Ctrl-W (word back), Ctrl-U (to the start), Backspace, Delete.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; false for keys that are not editing keys.
    mutating func apply(_ key: KeyPress) -> Bool {
        switch key {
        case .left: left()
        case .right: right()
        case .home, .control("a"): home()
        case .end, .control("e"): end()
        case .backspace, .control("h"): backspace()
        case .delete, .control("d"): delete()
        case .control("w"): deleteWordBackward()
        case .control("u"): deleteToStart()
        case .character(let character): insert(character)
        default: return false
        }
        return true
    }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    mutating func delete() {
        if cursor < characters.count { characters.remove(at: cursor) }
    }

    mutating func left() { cursor = max(0, cursor - 1) }
    mutating func right() { cursor = min(characters.count, cursor + 1) }
    mutating func home() { cursor = 0 }
    mutating func end() { cursor = characters.count }

    /// Ctrl-W: the word before the cursor and the spaces after it.
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Ctrl-U: everything before the cursor.
    mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }
}
