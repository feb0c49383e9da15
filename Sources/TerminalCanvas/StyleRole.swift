/// What a cell means, not how it looks: the backend's theme maps roles to
/// colours and attributes (and to nothing at all in monochrome).
public enum StyleRole: UInt8, CaseIterable, Sendable {
    case normal
    case header
    case tabActive
    case tabInactive
    case title
    case label
    case heading
    case dim
    case selection
    case selectionUnfocused
    case match
    case statusBar
    case statusKey
    case message
    case error
    case border
    case badge
    case rung
    case translation

    /// Its name in the config file: `tabActive` is `tab-active`.
    public var configName: String {
        String(describing: self).reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    /// A short, stable name used in golden frames.
    public var code: Character {
        switch self {
        case .normal: return "."
        case .header: return "H"
        case .tabActive: return "T"
        case .tabInactive: return "t"
        case .title: return "B"
        case .label: return "L"
        case .heading: return "#"
        case .dim: return "d"
        case .selection: return "S"
        case .selectionUnfocused: return "s"
        case .match: return "M"
        case .statusBar: return "="
        case .statusKey: return "K"
        case .message: return "m"
        case .error: return "E"
        case .border: return "|"
        case .badge: return "b"
        case .rung: return "R"
        case .translation: return "z"
        }
    }
}
