extension Theme {
    /// A colour as a style gives it: the terminal's own (its default
    /// foreground or background), one of the 256 indexed colours, or an
    /// exact red-green-blue one (`#rrggbb` in the config file), drawn as
    /// such on a terminal with direct colour and as the nearest of the 256
    /// elsewhere.
    public enum Colour: Sendable, Hashable, CustomStringConvertible {
        case terminal
        case indexed(UInt8)
        case rgb(red: UInt8, green: UInt8, blue: UInt8)

        /// As the config file writes it: `default`, `24`, `#005f87`.
        public var description: String {
            switch self {
            case .terminal: return "default"
            case .indexed(let index): return String(index)
            case .rgb(let red, let green, let blue): return "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            }
        }

        /// The colour at a terminal's depth: exact on a direct-colour
        /// terminal (where the 8 basic colours stay the terminal's own),
        /// one of the 256, or one of the 8 basic ones.
        func fitted(to depth: Depth) -> Colour {
            switch (depth, self) {
            case (_, .terminal), (.monochrome, _): return .terminal
            case (.direct, .indexed(let index)) where index >= 8:
                let (red, green, blue) = Theme.rgb(index)
                return .rgb(red: UInt8(red), green: UInt8(green), blue: UInt8(blue))
            case (.direct, _): return self
            case (.twoFiftySix, .indexed): return self
            case (.twoFiftySix, .rgb(let red, let green, let blue)): return .indexed(Self.nearest(red: red, green: green, blue: blue))
            case (.eight, .indexed(let index)): return .indexed(Self.basic(index))
            case (.eight, .rgb(let red, let green, let blue)): return .indexed(Self.basic(Self.nearest(red: red, green: green, blue: blue)))
            }
        }

        /// The number ncurses takes: -1 for the terminal's own, the index,
        /// or on a direct-colour terminal the packed 0xRRGGBB (kept above
        /// 7, the numbers there being the basic colours).
        var terminalNumber: Int32 {
            switch self {
            case .terminal: return -1
            case .indexed(let index): return Int32(index)
            case .rgb(let red, let green, let blue): return max(8, Int32(red) << 16 | Int32(green) << 8 | Int32(blue))
            }
        }

        /// The nearest of the 240 colours above 15 (the first 16 vary by
        /// terminal).
        static func nearest(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
            let target = (Int(red), Int(green), Int(blue))
            return (16...255).map(UInt8.init).min { distance(Theme.rgb($0), target) < distance(Theme.rgb($1), target) } ?? 16
        }

        private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
            (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
        }

        /// One of the 256 colours as the nearest of the 8 basic ones.
        static func basic(_ index: UInt8) -> UInt8 {
            switch index {
            case 0..<8: return index
            case 8..<16: return index - 8
            default:
                let (red, green, blue) = Theme.rgb(index)
                // A basic colour has each component off or on.
                let bits = [red, green, blue].map { $0 >= 128 ? 1 : 0 }
                return UInt8(bits[0] | bits[1] << 1 | bits[2] << 2)
            }
        }
    }

    /// The red, green and blue (0–255) of one of the 256 colours: xterm's
    /// for the first 16, then the 6×6×6 cube and the greys.
    public static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return xtermBasic[Int(index)]
        case 232...:
            let grey = 8 + 10 * Int(index - 232)
            return (grey, grey, grey)
        default:
            let cube = Int(index) - 16, steps = [0, 95, 135, 175, 215, 255]
            return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
        }
    }

    private static let xtermBasic = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
