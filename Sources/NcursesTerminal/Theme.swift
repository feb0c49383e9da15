import TerminalCanvas

/// How each style role looks, at the colour depth the terminal offers:
/// 256 colours, 8 colours, or none (monochrome, also when `NO_COLOR` is
/// set), where attributes alone keep the roles apart.
public struct Theme: Sendable {
    public enum Depth: Sendable, Equatable { case monochrome, eight, twoFiftySix }

    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let dim = Attributes(rawValue: 8)
    }

    /// Colours as terminal colour numbers; -1 is the terminal's default.
    public struct Style: Sendable, Equatable {
        public var foreground: Int16
        public var background: Int16
        public var attributes: Attributes
    }

    public let depth: Depth

    public init(depth: Depth) { self.depth = depth }

    /// The depth for a terminal with `colors` colours, honouring `NO_COLOR`.
    public static func depth(colors: Int, hasColors: Bool, environment: [String: String]) -> Depth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors else { return .monochrome }
        return colors >= 256 ? .twoFiftySix : colors >= 8 ? .eight : .monochrome
    }

    public func style(for role: StyleRole) -> Style {
        switch depth {
        case .twoFiftySix: return Self.rich[role] ?? Style(foreground: -1, background: -1, attributes: [])
        case .eight: return Self.basic[role] ?? Style(foreground: -1, background: -1, attributes: [])
        case .monochrome: return Style(foreground: -1, background: -1, attributes: Self.monochrome[role] ?? [])
        }
    }

    private static func style(_ foreground: Int16, _ background: Int16, _ attributes: Attributes = []) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes)
    }

    private static let rich: [StyleRole: Style] = [
        .header: style(252, 24), .tabActive: style(16, 214, .bold), .tabInactive: style(252, 24),
        .title: style(-1, -1, .bold), .label: style(110, -1), .heading: style(214, -1, .bold), .dim: style(244, -1),
        .selection: style(255, 31, .bold), .selectionUnfocused: style(252, 238), .match: style(16, 222),
        .statusBar: style(252, 236), .statusKey: style(16, 110, .bold), .message: style(222, 236, .bold),
        .error: style(203, -1, .bold), .border: style(240, -1), .badge: style(114, -1, .bold),
        .rung: style(180, -1, .bold), .translation: style(151, -1),
    ]

    private static let basic: [StyleRole: Style] = [
        .header: style(7, 4), .tabActive: style(0, 3, .bold), .tabInactive: style(7, 4),
        .title: style(-1, -1, .bold), .label: style(6, -1), .heading: style(3, -1, .bold), .dim: style(-1, -1, .dim),
        .selection: style(7, 4, .bold), .selectionUnfocused: style(-1, -1, .reverse), .match: style(0, 3),
        .statusBar: style(0, 7), .statusKey: style(7, 4, .bold), .message: style(1, 7, .bold),
        .error: style(1, -1, .bold), .border: style(4, -1), .badge: style(2, -1, .bold),
        .rung: style(3, -1, .bold), .translation: style(2, -1),
    ]

    private static let monochrome: [StyleRole: Attributes] = [
        .header: .reverse, .tabActive: .bold, .tabInactive: .reverse, .title: .bold,
        .heading: [.bold, .underline], .dim: .dim, .selection: [.reverse, .bold], .selectionUnfocused: .underline,
        .match: [.reverse, .underline], .statusBar: .reverse, .statusKey: [.reverse, .bold], .message: [.reverse, .bold],
        .error: .bold, .badge: .bold, .rung: .bold,
    ]
}
