import SyntheticLibrary
import Testing
@testable import OstromCore

@Suite struct ASCIIFoldingTests {
    @Test func foldsDiacriticsAndSpecialLetters() {
        #expect(ASCIIFolding.fold("Müller Łukasz Straße Ærø Đorđe") == "muller lukasz strasse aero dorde")
        #expect(ASCIIFolding.alphanumerics("Pasi-Heikki O'Brien") == "pasiheikkiobrien")
        #expect(ASCIIFolding.fold("合作") == "合作")
    }
}

@Suite struct DisplayWidthTests {
    @Test func widthsOfScripts() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("英国公共") == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("日本の") == 6)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("：") == 2)
        #expect(DisplayWidth.of("\u{1B}") == 0)
    }
}

@Suite struct TerminalSafeTextTests {
    @Test func controlsAreShownVisibly() {
        #expect(TerminalSafeText.sanitize("a\u{1B}[31mred") == "a^[[31mred")
        #expect(TerminalSafeText.sanitize("bell\u{07}del\u{7F}") == "bell^Gdel^?")
        #expect(TerminalSafeText.sanitize("csi\u{9B}2J") == "csi<U+009B>2J")
        #expect(TerminalSafeText.sanitize("evil\u{202E}txt.exe") == "evil<U+202E>txt.exe")
        #expect(TerminalSafeText.sanitize("iso\u{2066}late") == "iso<U+2066>late")
        #expect(TerminalSafeText.sanitize("a\tb", tabWidth: 4) == "a   b")
        #expect(TerminalSafeText.sanitize("one\ntwo") == "one^Jtwo")
        #expect(TerminalSafeText.sanitize("one\ntwo", keepNewlines: true) == "one\ntwo")
        #expect(TerminalSafeText.sanitize("Müller 合作") == "Müller 合作")
    }
}

@Suite struct TextWrappingTests {
    @Test func wrapsAtSpacesByDisplayWidth() {
        #expect(TextWrapping.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWrapping.wrap("英国公共服务中的集体合作", width: 10) == ["英国公共服", "务中的集体", "合作"])
        #expect(TextWrapping.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWrapping.wrap("supercalifragilistic", width: 8) == ["supercal", "ifragili", "stic"])
    }

    /// Printable ASCII is wrapped as bytes: the same lines as Character
    /// by Character, for words of every length, runs of spaces, blank
    /// lines and every width.
    @Test func asciiIsWrappedAsEveryTextIs() {
        var random = SplitMix64(seed: 14)
        let pieces = ["a", "co", "public", "services", "supercalifragilistic", " ", "  ", "\n", "\n\n", "(x)", "--", "~"]
        for _ in 0..<400 {
            let text = (0..<random.next(31)).map { _ in pieces[random.next(pieces.count)] }.joined()
            for width in 1...24 {
                #expect(TextWrapping.wrap(text, width: width) == TextWrapping.wrapByCharacters(text, width: width),
                        "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test func displayWidthOfPrintableASCIIIsItsLength() {
        #expect(DisplayWidth.of("co-production (2015)") == 20)
        #expect(DisplayWidth.of("tab\there") == 7)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("合作 x"[...]) == 6)
    }

    @Test func truncatesAndPadsByDisplayWidth() {
        #expect(TextWrapping.truncate("英国公共服务", width: 7) == "英国公…")
        #expect(TextWrapping.truncate("short", width: 7) == "short")
        #expect(TextWrapping.pad("合作", width: 6) == "合作  ")
        #expect(DisplayWidth.of(TextWrapping.pad("英国公共服务中的", width: 9)) == 9)
    }
}
