import TerminalCanvas

/// Keys as the config file names them: a character (`"j"`, `"G"`, `"?"`),
/// `ctrl-` and a letter, or a named key (`enter`, `esc`, `tab`,
/// `shift-tab`, `space`, `backspace`, `delete`, `up`, `down`, `left`,
/// `right`, `home`, `end`, `pgup`, `pgdn`, `f1`…`f12`).
enum KeyName {
    static let named: [(String, KeyPress)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab), ("space", .character(" ")),
        ("backspace", .backspace), ("delete", .delete), ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
    ]

    /// The key a name stands for, or `nil` when it names none.
    static func key(_ name: String) -> KeyPress? {
        if name.count == 1, let character = name.first, character != " " { return .character(character) }
        let lowered = name.lowercased()
        if let (_, key) = named.first(where: { $0.0 == lowered }) { return key }
        if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, letter.isASCII, letter.isLetter {
            return .control(letter)
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) { return .function(number) }
        return nil
    }

    /// The name the config file gives a key.
    static func name(_ key: KeyPress) -> String {
        if let (name, _) = named.first(where: { $0.1 == key }) { return name }
        switch key {
        case .character(let character): return String(character)
        case .control(let letter): return "ctrl-" + String(letter)
        case .function(let number): return "f\(number)"
        default: return key.label
        }
    }
}
