import Foundation
import Testing
@testable import OstromCore

@Suite struct BibTeXImporterTests {
    /// A large file's `@`s (room for its records) counted in parts on all
    /// cores as in one walk, wherever the parts begin and end.
    @Test func atSignsAreCountedInPartsAsInOneWalk() {
        var bytes = [UInt8](repeating: 0x61, count: 10_007)
        for index in stride(from: 0, to: bytes.count, by: 97) { bytes[index] = 0x40 }
        bytes[bytes.count - 1] = 0x40
        let expected = bytes.filter { $0 == 0x40 }.count
        bytes.withUnsafeBufferPointer { buffer in
            for partBytes in [1, 7, 96, 97, 98, 1_000, 5_004, 20_000] {
                #expect(BibTeXImporter.atSigns(in: buffer, partBytes: partBytes) == expected, "parts of \(partBytes)")
            }
        }
    }

    static let library = """
        \u{FEFF}% exported by JabRef
        @comment{jabref-meta: databaseType:bibtex;}
        @preamble{"\\newcommand{\\noop}[1]{}"}
        @string{pmr = "Public Management Review"}
        @string{ pub = {Policy} # " Press" }

        @article{muller2019coproduction,
          author  = {M{\\"u}ller, J{\\"u}rgen and Sørensen, Eva and {World Health Organization} and others},
          title   = {{Co-production} in {European} health care --- a review},
          journal = pmr,
          year    = 2019,
          month   = mar,
          volume  = "21",
          number  = {3},
          pages   = {45--67},
          doi     = {10.1080/14719037.2019.1234},
          keywords = {co-production; health care},
        }

        @incollection{bovaird2013chapter,
          author    = "Tony Bovaird and Elke Loeffler",
          title     = "We're all in this together: harnessing user and community co-production",
          crossref  = {loeffler2013book},
          pages     = {35--50},
        }

        @book{loeffler2013book,
          editor    = {Loeffler, Elke and Power, Gerry and Bovaird, Tony and Hine-Hughes, Frankie},
          title     = {Co-production of Health and Wellbeing in {Scotland}},
          publisher = pub,
          year      = {2013},
        }

        @article{broken2020,
          author = {Unclosed, Brace,
          title = {Never ends
        }

        @misc{cycleA, title = {A}, crossref = {cycleB}}
        @misc{cycleB, title = {B}, crossref = {cycleA}}

        @inproceedings{escapes2021,
          title = {Costs \\& benefits of \\'{e}valuation in {\\ss}tadt {\\o}konomi~50\\%},
          author = {Dvo\\v{r}{\\'a}k, Anton{\\'\\i}n},
          booktitle = {Proceedings},
          year = {2021},
        }
        """.replacingOccurrences(of: "\n", with: "\r\n")

    private func imported() -> ImportResult {
        DocumentRecognizer().importRecords(from: SourceDocument(path: "lib.bib", text: Self.library))
    }

    private func record(_ key: String) throws -> Record {
        let library = Library(documents: [SourceDocument(path: "lib.bib", text: Self.library)])
        return try #require(library.records.first { $0.citationKey == key })
    }

    @Test func recognisedByContentAndEveryGoodEntryLoads() {
        let result = imported()
        #expect(BibTeXImporter().recognises(SourceDocument(path: "x.txt", text: Self.library)))
        #expect(result.records.map(\.citationKey) == ["muller2019coproduction", "bovaird2013chapter", "loeffler2013book", "cycleA", "cycleB", "escapes2021"])
        #expect(result.records.allSatisfy { $0.source?.format == "bibtex" })
    }

    @Test func brokenEntryIsReportedWithItsLine() {
        let messages = imported().diagnostics.map(\.description)
        #expect(messages.contains("lib.bib:35: warning: entry broken2020, field author: a value is not closed before the next entry; entry skipped"))
        #expect(messages.contains("lib.bib:39: warning: crossref cycle through “cyclea”"))
    }

    @Test func fieldsMacrosAccentsAndNames() throws {
        let article = try record("muller2019coproduction")
        #expect(article.title == "Co-production in European health care — a review")
        #expect(article.type == "article-journal")
        #expect(article.authors == [Person(family: "Müller", given: "Jürgen"), Person(family: "Sørensen", given: "Eva"),
                                    Person(literal: "World Health Organization"), Person(literal: "others")])
        #expect(article.container == "Public Management Review")
        #expect(article.date == PartialDate(year: 2019, month: 3))
        #expect(article.volume == "21" && article.issue == "3" && article.pages == "45-67")
        #expect(article.doi == "10.1080/14719037.2019.1234")
        #expect(article.keywords == ["co-production", "health care"])
        #expect(article.id == "muller2019coproduction")
    }

    @Test func crossrefFillsWhatTheChildLacks() throws {
        let chapter = try record("bovaird2013chapter")
        #expect(chapter.type == "chapter")
        #expect(chapter.authors.map(\.family) == ["Bovaird", "Loeffler"])
        #expect(chapter.container == "Co-production of Health and Wellbeing in Scotland")
        #expect(chapter.publisher == "Policy Press")
        #expect(chapter.year == 2013)
        #expect(chapter.pages == "35-50")
    }

    @Test func latexEscapesBecomeUnicode() throws {
        let escaped = try record("escapes2021")
        #expect(escaped.title == "Costs & benefits of évaluation in ßtadt økonomi 50%")
        #expect(escaped.authors == [Person(family: "Dvořák", given: "Antonín")])
    }
}

/// Values and names read on bytes, at every position and in every form.
@Suite struct BibTeXBytesTests {
    private func records(_ text: String) -> ImportResult {
        BibTeXImporter().importRecords(from: SourceDocument(path: "t.bib", text: text))
    }

    /// An accent in braces, at every position of a title longer than two
    /// chunks of sixteen bytes, is kept inside the value and decoded.
    @Test func anAccentAtEveryPositionOfAValue() {
        let base = Array("Co-production of public services by citizens and professionals".utf8)
        for position in 0...base.count {
            let title = String(decoding: base[..<position] + Array(#"{\"U}"#.utf8) + base[position...], as: UTF8.self)
            let result = records("@article{k, title = {\(title)}, year = 2020}\n@misc{next, title = \"Q {\"}uoted\"}\n")
            #expect(result.records.map(\.title) == [String(decoding: base[..<position], as: UTF8.self) + "Ü" + String(decoding: base[position...], as: UTF8.self), "Q \"uoted"])
            #expect(result.diagnostics.isEmpty)
        }
    }

    /// A backslash that ends a line does not hide the line break from the
    /// line count of later messages.
    @Test func aBackslashAtTheEndOfALineIsCounted() {
        let result = records("@misc{a, title = {ends with a backslash \\\nnext line}}\n@misc{b, title = {never closed}\n")
        #expect(result.records.map(\.title) == ["ends with a backslash next line"])
        #expect(result.diagnostics.map(\.line) == [3])
    }

    @Test func namesAsBibTeXReadsThem() throws {
        let authors = """
            M{\\"u}ller, J{\\"u}rgen and
                {\\"O}zt{\\"u}rk, Ay{\\c{s}}e AND de la Fontaine, Jean and Lovelace, Ada
                King and {Barnes, and Noble} and John Smith and {World Health Organization} and others
            """
        let record = try #require(records("@book{k, author = {\(authors)}, title = {T}}").records.first)
        #expect(record.authors == [
            Person(family: "Müller", given: "Jürgen"), Person(family: "Öztürk", given: "Ayşe"),
            Person(family: "de la Fontaine", given: "Jean"), Person(family: "Lovelace", given: "Ada King"),
            Person(literal: "Barnes, and Noble"), Person(family: "Smith", given: "John"),
            Person(literal: "World Health Organization"), Person(literal: "others"),
        ])
    }

    /// Vertical tab and form feed are white space between tokens, as C's isspace says.
    @Test func everyASCIIWhiteSpaceSeparatesTokens() {
        let result = records("@misc{k,\u{0B}title\u{0C}=\u{0B}{T},\u{0C}year = 2020}")
        #expect(result.diagnostics.isEmpty && result.records.map(\.title) == ["T"])
    }

    /// A name list put together with `#` and a macro is read the same way.
    @Test func namesFromAMacro() throws {
        let record = try #require(records("@string{who = \"{World Health Organization}\"}\n@misc{k, author = {Pestoff, Victor and } # who, title = {T}}").records.first)
        #expect(record.authors == [Person(family: "Pestoff", given: "Victor"), Person(literal: "World Health Organization")])
    }
}

@Suite struct LaTeXTextTests {
    static let cases: [(latex: String, plain: String)] = [
        (#"{\"u}ber \'{e}t\'e \~o \c{c} {\ss} \& -- --- a~b {Case}"#, "über été õ ç ß & – — a b Case"),
        (#"Ay{\c s}e \v{S}imi\'c \'\i \"{\i} \k{a} \r{A} \H{o} \=a \.Z \u{g} \d{s} \b{k}"#, "Ayşe Šimić í ï ą Å ő ā Ż ğ ṣ ḵ"),
        (#"\emph{co}-production \textit{of} \textbf{care}"#, "co-production of care"),
        (#"\o\ and \O, \l{}\L \ae\AE \oe \aa\AA \ldots{} \textendash{} \euro 5"#, "ø and Ø, łŁæÆœåÅ… – €5"),
        (##"50\% \$3 \#1 a\_b \{x\} line\\break \textbackslash{} \'"##, "50% $3 #1 a_b {x} line break \\ \u{301}"),
        (#"\é\, tail\"#, "é tail"),
        ("no markup at all - just a hyphen", "no markup at all - just a hyphen"),
    ]

    @Test func decodes() {
        for (latex, plain) in Self.cases {
            var text = latex
            #expect(text.withUTF8(LaTeXText.plainText) == plain, "\(latex)")
        }
    }

    @Test func pagesKeepOneHyphen() {
        #expect(ContainerCitation.normalisedPages("131 – 149") == "131-149")
        #expect(ContainerCitation.normalisedPages("12—34") == "12-34")
        #expect(ContainerCitation.normalisedPages("e1234--e1240") == "e1234-e1240")
        #expect(ContainerCitation.normalisedPages("45") == "45")
        #expect(ContainerCitation.normalisedPages(" -7- ") == "7")
    }
}
