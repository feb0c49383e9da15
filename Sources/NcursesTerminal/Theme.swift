import TerminalCanvas

/// How each style role looks, at the colour depth the terminal offers:
/// direct colour (any red-green-blue), 256 colours, 8 colours, or none
/// (monochrome, also when `NO_COLOR` is set), where attributes alone keep
/// the roles apart.
public struct Theme: Sendable {
    public enum Depth: Sendable, Equatable { case monochrome, eight, twoFiftySix, direct }

    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let dim = Attributes(rawValue: 8)

        /// Their names in the config file.
        public static let named: [(String, Attributes)] = [("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim)]
    }

    /// A style as the config file writes it: `FOREGROUND [on BACKGROUND]
    /// [bold] [reverse] [underline] [dim]`.
    public struct Style: Sendable, Equatable, CustomStringConvertible {
        public var foreground: Colour
        public var background: Colour
        public var attributes: Attributes

        public init(foreground: Colour = .terminal, background: Colour = .terminal, attributes: Attributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }

        public var description: String {
            var words = [foreground.description]
            if background != .terminal { words += ["on", background.description] }
            words += Attributes.named.filter { attributes.contains($0.1) }.map(\.0)
            return words.joined(separator: " ")
        }
    }

    /// A built-in look: `dark` (for dark backgrounds, the default),
    /// `light` (for light ones), `mono` (attributes only, at any depth).
    public enum Palette: String, CaseIterable, Sendable {
        case dark, light, mono
    }

    public let depth: Depth
    public let palette: Palette
    /// Styles the config file gives roles; fitted to the terminal's depth
    /// when drawn.
    public let overrides: [StyleRole: Style]

    public init(depth: Depth, palette: Palette = .dark, overrides: [StyleRole: Style] = [:]) {
        self.depth = depth
        self.palette = palette
        self.overrides = overrides
    }

    /// The depth for a terminal with `colors` colours, honouring
    /// `NO_COLOR`. A direct-colour terminal's entry (`xterm-direct`,
    /// `tmux-direct`…) gives 2^24.
    public static func depth(colors: Int, hasColors: Bool, environment: [String: String]) -> Depth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors else { return .monochrome }
        return colors >= 1 << 24 ? .direct : colors >= 256 ? .twoFiftySix : colors >= 8 ? .eight : .monochrome
    }

    /// How a role is drawn on this terminal: the config file's style or
    /// the palette's, its colours fitted to the depth.
    public func style(for role: StyleRole) -> Style {
        let monochrome = Style(attributes: Self.monochrome[role] ?? [])
        let chosen: Style
        if let override = overrides[role] {
            guard depth != .monochrome || !override.attributes.isEmpty else { return monochrome }
            chosen = override
        } else {
            switch (depth, palette) {
            case (.monochrome, _), (_, .mono): return monochrome
            case (.eight, .dark): chosen = Self.basic[role] ?? Style()
            case (.eight, .light): chosen = Self.basicLight[role] ?? Style()
            case (_, .dark): chosen = Self.rich[role] ?? Style()
            case (_, .light): chosen = Self.richLight[role] ?? Style()
            }
        }
        return Style(foreground: chosen.foreground.fitted(to: depth), background: chosen.background.fitted(to: depth),
                     attributes: chosen.attributes)
    }

    /// The style a built-in palette gives a role at 256 colours (what the
    /// default config file lists).
    public static func builtIn(_ palette: Palette, _ role: StyleRole) -> Style {
        Theme(depth: palette == .mono ? .monochrome : .twoFiftySix, palette: palette).style(for: role)
    }

    /// A palette's style from colour numbers, -1 being the terminal's own.
    private static func style(_ foreground: Int, _ background: Int, _ attributes: Attributes = []) -> Style {
        func colour(_ number: Int) -> Colour { number < 0 ? .terminal : .indexed(UInt8(number)) }
        return Style(foreground: colour(foreground), background: colour(background), attributes: attributes)
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

    private static let richLight: [StyleRole: Style] = [
        .header: style(255, 25), .tabActive: style(16, 214, .bold), .tabInactive: style(255, 25),
        .title: style(-1, -1, .bold), .label: style(25, -1), .heading: style(130, -1, .bold), .dim: style(242, -1),
        .selection: style(16, 153, .bold), .selectionUnfocused: style(16, 252), .match: style(16, 229),
        .statusBar: style(16, 252), .statusKey: style(255, 25, .bold), .message: style(124, 252, .bold),
        .error: style(160, -1, .bold), .border: style(248, -1), .badge: style(28, -1, .bold),
        .rung: style(94, -1, .bold), .translation: style(29, -1),
    ]

    private static let basicLight: [StyleRole: Style] = [
        .header: style(7, 4), .tabActive: style(0, 3, .bold), .tabInactive: style(7, 4),
        .title: style(-1, -1, .bold), .label: style(4, -1), .heading: style(1, -1, .bold), .dim: style(-1, -1, .dim),
        .selection: style(0, 6, .bold), .selectionUnfocused: style(-1, -1, .reverse), .match: style(0, 3),
        .statusBar: style(7, 0), .statusKey: style(7, 4, .bold), .message: style(1, 7, .bold),
        .error: style(1, -1, .bold), .border: style(4, -1), .badge: style(2, -1, .bold),
        .rung: style(1, -1, .bold), .translation: style(2, -1),
    ]

    private static let monochrome: [StyleRole: Attributes] = [
        .header: .reverse, .tabActive: .bold, .tabInactive: .reverse, .title: .bold,
        .heading: [.bold, .underline], .dim: .dim, .selection: [.reverse, .bold], .selectionUnfocused: .underline,
        .match: [.reverse, .underline], .statusBar: .reverse, .statusKey: [.reverse, .bold], .message: [.reverse, .bold],
        .error: .bold, .badge: .bold, .rung: .bold,
    ]
}
