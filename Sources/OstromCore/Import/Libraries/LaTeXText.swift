import Foundation

/// LaTeX as BibTeX fields write it, turned into plain Unicode: accents
/// (`{\"u}`, `\'{e}`, `\~o`, `{\~ Z}`), special letters (`{\ss}`, `\o`,
/// `\l`), TeX logos (`\LaTeX`), escapes (`\&`, `\%`, `\_`), spacing (`\,` a
/// thin space, `\/` nothing), dashes (`--`, `---`), TeX quotes (``` ``…'' ```
/// as “…”), `~` as a space, math (`$\Sigma^0$` as Σ⁰, `$n \times n$` as
/// n × n) and the braces that protect case removed. Read on bytes: every
/// title of a large library has braces, and most names of some have
/// accents.
public enum LaTeXText {
    /// Accent commands and the combining marks they put on their letter.
    private static let accents: [UInt8: String] = [
        0x22: "\u{308}", 0x27: "\u{301}", 0x60: "\u{300}", 0x5E: "\u{302}", 0x7E: "\u{303}", 0x3D: "\u{304}",
        0x2E: "\u{307}", 0x75: "\u{306}", 0x76: "\u{30C}", 0x48: "\u{30B}", 0x63: "\u{327}", 0x6B: "\u{328}",
        0x72: "\u{30A}", 0x64: "\u{323}", 0x62: "\u{331}",
    ]
    private static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘", "ldots": "…",
        "dots": "…", "textellipsis": "…", "euro": "€", "pounds": "£", "copyright": "©",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textquotesingle": "'",
        "textquotedbl": "\"", "textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«",
        "guillemotright": "»", "guillemetleft": "«", "guillemetright": "»", "textregistered": "®",
        "texttrademark": "™", "textdegree": "°", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
        "textbullet": "•", "textperiodcentered": "·", "textexclamdown": "¡", "textquestiondown": "¿",
        "quad": " ", "qquad": " ",
    ]
    /// Math, which BibTeX titles hold now and then: Greek letters and
    /// common symbols. The space after them is kept, as for a word.
    private static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "div": "÷", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝",
        "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂",
        "subseteq": "⊆", "supset": "⊃", "cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀",
        "exists": "∃", "neg": "¬", "wedge": "∧", "vee": "∨", "circ": "∘", "ast": "∗", "star": "⋆",
        "cdots": "⋯", "ell": "ℓ", "hbar": "ℏ", "deg": "°", "prime": "′", "langle": "⟨", "rangle": "⟩",
    ]
    /// Commands that stand for a word (the TeX logos): unlike a letter's
    /// command, the space after them is kept, since it ends the word.
    private static let words: [String: String] = [
        "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
        "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "pdfTeX": "pdfTeX",
        "pdfLaTeX": "pdfLaTeX", "ConTeXt": "ConTeXt", "eTeX": "ε-TeX", "AmS": "AMS", "AmSTeX": "AMS-TeX",
        "AMSTeX": "AMS-TeX", "SliTeX": "SliTeX", "MF": "Metafont", "MP": "MetaPost", "BibLaTeX": "BibLaTeX",
    ]
    /// Accent commands with a name (`\textcommabelow s` → ș), and their marks.
    private static let namedAccents: [String: String] = [
        "textcommabelow": "\u{326}", "textacutemacron": "\u{304}\u{301}", "textgravemacron": "\u{304}\u{300}",
        "textcedilla": "\u{327}", "textogonek": "\u{328}", "textmacron": "\u{304}", "textacute": "\u{301}",
        "textgrave": "\u{300}", "textcircumflex": "\u{302}", "texttilde": "\u{303}", "textdieresis": "\u{308}",
        "textbreve": "\u{306}", "textcaron": "\u{30C}", "textdotbelow": "\u{323}", "textdotaccent": "\u{307}",
        "textringaccent": "\u{30A}", "texthungarumlaut": "\u{30B}",
    ]
    /// Commands whose argument is layout or a reference, not text: dropped with it.
    private static let dropsArgument: Set<String> = [
        "hspace", "vspace", "kern", "label", "index", "phantom", "hphantom", "vphantom", "rule", "nocite",
    ]
    /// Superscripts and subscripts that Unicode has, for `^2` and `_0` in math.
    private static let superscripts: [UInt8: String] = [
        0x30: "⁰", 0x31: "¹", 0x32: "²", 0x33: "³", 0x34: "⁴", 0x35: "⁵", 0x36: "⁶", 0x37: "⁷", 0x38: "⁸", 0x39: "⁹",
        0x2B: "⁺", 0x2D: "⁻", 0x3D: "⁼", 0x28: "⁽", 0x29: "⁾", 0x6E: "ⁿ", 0x69: "ⁱ",
    ]
    private static let subscripts: [UInt8: String] = [
        0x30: "₀", 0x31: "₁", 0x32: "₂", 0x33: "₃", 0x34: "₄", 0x35: "₅", 0x36: "₆", 0x37: "₇", 0x38: "₈", 0x39: "₉",
        0x2B: "₊", 0x2D: "₋", 0x3D: "₌", 0x28: "₍", 0x29: "₎",
    ]
    /// `\&`, `\%`, `\$`, `\#`, `\_`, `\{`, `\}`, `\ ` stand for themselves; `\\` is a space.
    private static let escaped: Set<UInt8> = [0x26, 0x25, 0x24, 0x23, 0x5F, 0x7B, 0x7D, 0x20, 0x5C]

    /// A field's text as it is shown: LaTeX decoded, white space
    /// collapsed. Most fields need neither, which is found on the bytes,
    /// and their String is made straight from them.
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if needsDecoding(bytes) { return string(decoded(bytes)) }
        return WhiteSpace.isNormalised(bytes) ? String(decoding: bytes, as: UTF8.self) : WhiteSpace.normalised(bytes)
    }

    /// Whether the bytes hold markup (`Markup`).
    static func needsDecoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstIndex(Markup.self, in: bytes, from: 0) < bytes.count
    }

    /// `\`, `{`, `}`, `~`, `$`, `--`, ``` `` ``` and `''`; in math also `^` and `_`.
    private enum Markup: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            let dash = ByteScan.Chunk(repeating: 0x2D)
            let grave = ByteScan.Chunk(repeating: 0x60)
            let quote = ByteScan.Chunk(repeating: 0x27)
            return (chunk .== ByteScan.Chunk(repeating: 0x5C)) .| (chunk .== ByteScan.Chunk(repeating: 0x7B))
                .| (chunk .== ByteScan.Chunk(repeating: 0x7D)) .| (chunk .== ByteScan.Chunk(repeating: 0x7E))
                .| (chunk .== ByteScan.Chunk(repeating: 0x24))
                .| ((chunk .== dash) .& (next .== dash)) .| ((chunk .== grave) .& (next .== grave))
                .| ((chunk .== quote) .& (next .== quote))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            switch bytes[index] {
            case 0x5C, 0x7B, 0x7D, 0x7E, 0x24: true
            case 0x2D, 0x60, 0x27: index + 1 < bytes.count && bytes[index + 1] == bytes[index]
            default: false
            }
        }
    }

    /// In math: the markup, `^` and `_`.
    private enum MathMarkup: ByteClass {
        static func mayHold(_ chunk: ByteScan.Chunk, _ next: ByteScan.Chunk) -> SIMDMask<SIMD16<Int8>> {
            Markup.mayHold(chunk, next) .| (chunk .== ByteScan.Chunk(repeating: 0x5E)) .| (chunk .== ByteScan.Chunk(repeating: 0x5F))
        }

        static func holds(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            bytes[index] == 0x5E || bytes[index] == 0x5F || Markup.holds(bytes, at: index)
        }
    }

    /// The decoded bytes as a String, white space collapsed; accents were
    /// added as combining marks, so they are composed where there are any.
    private static func string(_ decoded: (bytes: [UInt8], accented: Bool)) -> String {
        let text = decoded.bytes.withUnsafeBufferPointer { bytes in
            WhiteSpace.isNormalised(bytes) ? String(decoding: bytes, as: UTF8.self) : WhiteSpace.normalised(bytes)
        }
        return decoded.accented ? text.precomposedStringWithCanonicalMapping : text
    }

    private static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], accented: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var accented = false
        var inMath = false
        var index = 0
        while index < bytes.count {
            // Plain text is copied a run at a time.
            let special = inMath ? ByteScan.firstIndex(MathMarkup.self, in: bytes, from: index)
                : ByteScan.firstIndex(Markup.self, in: bytes, from: index)
            output.append(contentsOf: bytes[index..<special])
            index = special
            guard index < bytes.count else { break }
            switch bytes[index] {
            case 0x7B, 0x7D:
                index += 1
            case 0x7E:
                output.append(0x20)
                index += 1
            case 0x24:
                inMath.toggle()
                index += 1
            case 0x2D:
                let dashes = bytes[index...].prefix(3).prefix { $0 == 0x2D }.count
                output.append(contentsOf: dashes == 3 ? Array("—".utf8) : dashes == 2 ? Array("–".utf8) : [0x2D])
                index += dashes
            case 0x60:
                output.append(contentsOf: "“".utf8)
                index += 2
            case 0x27:
                output.append(contentsOf: "”".utf8)
                index += 2
            case 0x5E, 0x5F:
                index = script(bytes, at: index, into: &output)
            default:
                index = command(bytes, at: index + 1, into: &output, accented: &accented)
            }
        }
        return (output, accented)
    }

    /// `^2`, `^{10}`, `_0` in math: Unicode superscripts or subscripts when
    /// it has them all, else the caret or underscore and the text as written.
    private static func script(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into output: inout [UInt8]) -> Int {
        let table = bytes[index] == 0x5E ? superscripts : subscripts
        var start = index + 1
        var end = start < bytes.count ? characterEnd(bytes, at: start) : start
        var next = end
        if start < bytes.count && bytes[start] == 0x7B, let close = bytes[start...].firstIndex(of: 0x7D) {
            start += 1
            end = close
            next = close + 1
        }
        let argument = bytes[start..<end]
        if !argument.isEmpty, argument.allSatisfy({ table[$0] != nil }) {
            for byte in argument { output.append(contentsOf: table[byte]!.utf8) }
            return next
        }
        output.append(bytes[index])
        return start
    }

    /// Reads the command after a backslash; returns where reading goes on.
    private static func command(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8], accented: inout Bool) -> Int {
        guard start < bytes.count else { return start }
        let first = bytes[start]
        if escaped.contains(first) {
            output.append(first == 0x5C ? 0x20 : first)
            return start + 1
        }
        // Spacing: `\,` a thin space, `\;` and `\:` a space, `\/` and `\!` nothing.
        switch first {
        case 0x2C: output.append(contentsOf: "\u{2009}".utf8); return start + 1
        case 0x3B, 0x3A: output.append(0x20); return start + 1
        case 0x2F, 0x21: return start + 1
        default: break
        }
        // An accent: \"u, \"{u}, \'{\i}, \c c
        if let accent = accents[first], !(isLetter(first) && start + 1 < bytes.count && isLetter(bytes[start + 1])) {
            // An accent's argument may follow a space: `\c c`, `{\~ Z}`.
            var index = start + 1
            while index < bytes.count && bytes[index] == 0x20 { index += 1 }
            if index < bytes.count && bytes[index] == 0x7B {
                index += 1
                while index < bytes.count && bytes[index] != 0x7D {
                    if bytes[index] != 0x5C { output.append(bytes[index]) }
                    index += 1
                }
                index += 1
            } else if index < bytes.count && bytes[index] == 0x5C {
                // \'\i: an accent on a dotless i (or j).
                index += 1
                while index < bytes.count && isLetter(bytes[index]) {
                    output.append(bytes[index])
                    index += 1
                }
            } else if index < bytes.count {
                let end = characterEnd(bytes, at: index)
                output.append(contentsOf: bytes[index..<end])
                index = end
            }
            output.append(contentsOf: accent.utf8)
            accented = true
            return min(index, bytes.count)
        }
        // A named command: \ss, \o, \ldots
        var index = start
        while index < bytes.count && isLetter(bytes[index]) { index += 1 }
        if index == start {
            // Another character after a backslash stands for itself.
            let end = characterEnd(bytes, at: start)
            output.append(contentsOf: bytes[start..<end])
            return end
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if let mark = namedAccents[name] {
            index = accentArgument(bytes, at: index, into: &output)
            output.append(contentsOf: mark.utf8)
            accented = true
            return index
        }
        if dropsArgument.contains(name) {
            var end = index
            while end < bytes.count && bytes[end] == 0x20 { end += 1 }
            guard end < bytes.count, bytes[end] == 0x7B else { return index }
            var depth = 0
            while end < bytes.count {
                if bytes[end] == 0x7B { depth += 1 } else if bytes[end] == 0x7D { depth -= 1; if depth == 0 { return end + 1 } }
                end += 1
            }
            return end
        }
        if let letter = letters[name] {
            output.append(contentsOf: letter.utf8)
            if index < bytes.count && bytes[index] == 0x20 { index += 1 }
        } else if let word = words[name] ?? symbols[name] {
            output.append(contentsOf: word.utf8)
        }
        // Otherwise formatting such as \emph{…} or \textit{…}: the argument is kept.
        return index
    }

    /// A named accent's argument, `{s}` or `s` after spaces, copied; where reading goes on.
    private static func accentArgument(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8]) -> Int {
        var index = start
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return index }
        if bytes[index] == 0x7B {
            index += 1
            while index < bytes.count && bytes[index] != 0x7D {
                if bytes[index] != 0x5C { output.append(bytes[index]) }
                index += 1
            }
            return min(index + 1, bytes.count)
        }
        let end = characterEnd(bytes, at: index)
        output.append(contentsOf: bytes[index..<end])
        return end
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
    }

    /// Where the UTF-8 sequence that starts at `index` ends.
    private static func characterEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
