import Foundation
import Testing
@testable import OstromCore

/// What real BibTeX and biblatex files hold and the reference parsers
/// (bibtexparser, pandoc, biber) read: every entry comes through, and what
/// cannot be read exactly is reported with its line, never dropped.
@Suite struct BibTeXFidelityTests {
    private func load(_ text: String, path: String = "refs.bib") -> Library {
        Library(documents: [SourceDocument(path: path, text: text)])
    }

    private func messages(_ library: Library) -> [String] {
        library.diagnostics.map(\.description)
    }

    @Test func anUndefinedMacroKeepsTheEntryWithTheMacrosName() {
        let library = load("""
            @article{yang2019,
              title = {Tight-binding models},
              journal = jomch,
              year = 2019
            }
            """)
        #expect(library.records.map(\.id) == ["yang2019"])
        #expect(library.records[0].container == "jomch")
        #expect(messages(library) == ["refs.bib:3: warning: entry yang2019, field journal: undefined @string macro “jomch”; its name is kept as the value"])
    }

    @Test func macrosOfOneFileServeTheFilesLoadedAfterIt() {
        let library = Library(documents: [
            SourceDocument(path: "defs.bib", text: "@string{pmr = {Public Management Review}}\n"),
            SourceDocument(path: "papers.bib", text: "@article{a2020, title = {A}, journal = pmr, year = 2020}\n"),
        ])
        #expect(library.records.map(\.container) == ["Public Management Review"])
        #expect(library.diagnostics.isEmpty)
        // In the other order, the macro is not yet defined.
        let reversed = Library(documents: [
            SourceDocument(path: "papers.bib", text: "@article{a2020, title = {A}, journal = pmr, year = 2020}\n"),
            SourceDocument(path: "defs.bib", text: "@string{pmr = {Public Management Review}}\n"),
        ])
        #expect(reversed.records.map(\.container) == ["pmr"])
    }

    @Test func anEntryWithoutAKeyGetsAnIdOfItsOwn() {
        let library = load("""
            @Article{,
              author = {Tuurnas, Sanna},
              title = {Looking beyond the simplistic ideals of participatory projects},
              year = {2015}
            }
            """)
        #expect(library.records.map(\.id) == ["tuurnas2015"])
        #expect(library.records[0].citationKey == nil)
        #expect(messages(library) == ["refs.bib:1: warning: @article entry has no citation key; it gets an id of its own"])
    }

    @Test func anyEntryTypeMakesAFileBibTeXAndBiblatexTypesMapAsPandocMapsThem() {
        let text = """
            @thesis{t, title = {T}, type = {phdthesis}}
            @report{r, title = {R}}
            @online{o, title = {O}}
            @software{s, title = {S}}
            @dataset{d, title = {D}}
            @video{v, title = {V}}
            @patent{p, title = {P}}
            @collection{c, title = {C}}
            @mvbook{m, title = {M}}
            @inreference{i, title = {I}}
            @booklet{b, title = {B}}
            @whatever{w, title = {W}}
            """
        #expect(BibTeXImporter().recognises(SourceDocument(path: "x", text: "@thesis{t, title = {T}}")))
        #expect(!BibTeXImporter().recognises(SourceDocument(path: "x", text: "mail me @ home {soon}")))
        let types = load(text).records.map { "\($0.id) \($0.type ?? "-")" }
        #expect(types == ["t thesis", "r report", "o webpage", "s software", "d dataset", "v motion_picture", "p patent",
                          "c book", "m book", "i entry-encyclopedia", "b pamphlet", "w document"])
    }

    @Test func xdataIsInheritedAndNeitherXdataNorSetIsARecord() {
        let library = load("""
            @xdata{pubdata, publisher = {Policy Press}, location = {Bristol}}
            @book{loeffler2021, title = {Co-production of public services and outcomes}, xdata = {pubdata}, year = 2021}
            @set{both, entryset = {loeffler2021, other2020}}
            @book{other2020, title = {Other}, xdata = {missing}}
            """)
        #expect(library.records.map(\.id) == ["loeffler2021", "other2020"])
        #expect(library.records[0].publisher == "Policy Press")
        #expect(library.records[0].publisherPlace == "Bristol")
        #expect(messages(library) == ["refs.bib:4: warning: xdata “missing” is not in the file"])
    }

    @Test func aPercentLineBetweenFieldsIsAComment() {
        let library = load("""
            @article{smith2020,
              title = {Kept},
            % author = {Nobody},
              year = {2020}
            }
            """)
        #expect(library.records.map(\.title) == ["Kept"])
        #expect(library.records[0].authors.isEmpty)
        #expect(library.diagnostics.isEmpty)
    }

    @Test func anUnclosedCommentOrBraceLosesOneBlockNotTheRest() {
        let library = load("""
            @comment{ this comment never closes

            @article{first2020, title = {First}, year = 2020}

            @article{nhs2021, title = {The {NHS and its users, year = 2021}

            @article{second2022, title = {Second}, year = 2022}
            @article{deep2021, title = {The {{NHS} and its users, year = {2021}
            @article{third2023, title = {Third}, year = 2023}
            """)
        #expect(library.records.map(\.id) == ["first2020", "second2022", "third2023"])
        #expect(messages(library) == [
            "refs.bib:1: warning: @comment or @preamble is not closed; entry skipped",
            "refs.bib:5: warning: entry nhs2021, field title: a value is not closed before the next entry; entry skipped",
            "refs.bib:8: warning: entry deep2021, field title: a “{” is not closed before the next entry; entry skipped",
        ])
    }

    @Test func anEntryWithoutATitleKeepsNoInventedTitle() {
        let library = load("@misc{notitle2020, author = {Smith, Jo}, year = 2020}\n")
        #expect(library.records.map(\.title) == [""])
        #expect(library.records[0].displayTitle == "(untitled)")
        #expect(messages(library) == ["refs.bib:1: warning: entry notitle2020 has no title"])
        let json = RecordJSON.value(of: library.records[0], now: LocalDateTime(date: PartialDate(year: 2026, month: 1, day: 1), hour: 0, minute: 0)).serialized()
        #expect(!json.contains("\"title\""))
    }

    @Test func aMissingCommaAfterTheKeyIsReported() {
        let library = load("""
            @article{test
              title = {No comma}
            }
            @article{good2020, title = {Good}}
            """)
        #expect(library.records.map(\.id) == ["good2020"])
        #expect(messages(library) == ["refs.bib:1: warning: @article test: a “,” is missing after the citation key; entry skipped"])
    }
}

/// Files that cannot be read among files that can.
@Suite struct LibraryFileTests {
    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "@article{muller2019, title = {Koproduktion für Bürger}, year = 2019}\n"
        for (name, encoding) in [("le.bib", String.Encoding.utf16LittleEndian), ("be.bib", .utf16BigEndian)] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            try (Data(bom) + text.data(using: encoding)!).write(to: folder.appendingPathComponent(name))
        }
        let library = try Library.load(paths: [folder.appendingPathComponent("le.bib").path, folder.appendingPathComponent("be.bib").path])
        #expect(library.records.map(\.title) == ["Koproduktion für Bürger", "Koproduktion für Bürger"])
        #expect(library.diagnostics.map(\.message).allSatisfy { $0.contains("citation key") })
    }

    @Test func aBinaryFileAmongOthersIsReportedAndTheOthersLoad() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.bib")
        let binary = folder.appendingPathComponent("photo.bib")
        try Data("@article{good2020, title = {Good}}\n".utf8).write(to: good)
        try Data([0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 300)).write(to: binary)
        let library = try Library.load(paths: [binary.path, good.path])
        #expect(library.records.map(\.id) == ["good2020"])
        #expect(library.diagnostics.map(\.description) == ["\(binary.path): warning: binary file (holds NUL bytes), not text; skipped"])
        // Alone, it is an error, and so are several when none could be read.
        #expect(throws: LibraryError.self) { try Library.load(paths: [binary.path]) }
        let other = folder.appendingPathComponent("photo2.bib")
        try Data([0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 300)).write(to: other)
        do {
            _ = try Library.load(paths: [binary.path, other.path])
            Issue.record("two unreadable files load nothing: an error")
        } catch {
            #expect(error.description.hasPrefix("\(binary.path): no file could be read (\(binary.path): binary file"))
        }
    }
}

/// Names, LaTeX, identifiers and dates as real BibTeX files write them.
@Suite struct BibTeXFieldFidelityTests {
    private func record(_ fields: String) -> Record? {
        Library(documents: [SourceDocument(path: "refs.bib", text: "@article{k2020, \(fields)}\n")]).records.first
    }

    @Test func suffixesAndTheExtendedNameFormat() {
        let names = record(#"author = {von Hicks, III, Michael and van den Huevel, Jr., Johan A and Pimentel, Jr.,Joseph J. and given=Sam, family=Researcher, prefix=von, useprefix=false and J.\,R.\,R. Tolkien}"#)?.authors
        #expect(names == [
            Person(family: "von Hicks", given: "Michael", suffix: "III"),
            Person(family: "van den Huevel", given: "Johan A", suffix: "Jr."),
            Person(family: "Pimentel", given: "Joseph J.", suffix: "Jr."),
            Person(family: "von Researcher", given: "Sam"),
            Person(family: "Tolkien", given: "J. R. R."),
        ])
        #expect(names?[0].displayName == "Michael von Hicks, III")
        #expect(names?[0].sortName == "von Hicks, Michael, III")
    }

    @Test func editorsAndTranslatorsKeepTheirRoles() {
        let edited = record("title = {T}, editor = {Loeffler, Elke}, translator = {Body, Alison}")
        #expect(edited?.authors == [])
        #expect(edited?.editors == [Person(family: "Loeffler", given: "Elke")])
        #expect(edited?.translators == [Person(family: "Body", given: "Alison")])
        #expect(edited?.people == [Person(family: "Loeffler", given: "Elke")])
    }

    @Test func latexLogosSpacingMathQuotesAndAccents() {
        let cases: [(String, String)] = [
            (#"The \TeX{}book and \LaTeX\ and \BibTeX, \XeTeX"#, "The TeXbook and LaTeX and BibTeX, XeTeX"),
            // A thin space, which white space collapsing shows as a space.
            (#"10\,000 cases\/ and a\;b"#, "10 000 cases and a b"),
            (#"A $\Sigma^0$ class of $n \times n$ matrices, $x_2 \leq \alpha$"#, "A Σ⁰ class of n × n matrices, x₂ ≤ α"),
            (#"``Co-production'' it\textquotesingle s"#, "“Co-production” it's"),
            (#"{\~ Z}ola and \c c"#, "Z̃ola and ç"),
            (#"$x^{ab}$"#, "x^ab"),
        ]
        for (latex, plain) in cases {
            #expect(record("title = {\(latex)}")?.title == plain, "\(latex)")
        }
    }

    @Test func doisOfEveryShape() {
        #expect(record(#"title = {T}, doi = {10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P}"#)?.doi
            == "10.1002/(sici)1096-987x(199803)19:4<377::aid-jcc1>3.0.co;2-p")
        #expect(record("title = {T}, doi = {10/cng8cx}")?.doi == "10/cng8cx")
        #expect(record(#"title = {T}, doi = {https://doi.org/10.1000/a\_b}"#)?.doi == "10.1000/a_b")
        #expect(record("title = {T}, doi = {not a doi}")?.doi == nil)
    }

    @Test func yearsAsRealFilesWriteThem() {
        #expect(record("title = {T}, year = {2023a}")?.year == 2023)
        #expect(record("title = {T}, year = {-0050}")?.year == -50)
        #expect(record("title = {T}, date = {1034/}")?.year == 1034)
        #expect(record("title = {T}, date = {2010-03/2012}")?.date == PartialDate(year: 2010, month: 3))
        #expect(record("title = {T}, year = {[1998]}")?.year == 1998)
    }

    @Test func aURLFieldWithTwoAddressesKeepsTheFirst() {
        #expect(record("title = {T}, url = {https://a.example/x https://b.example/y}")?.url == "https://a.example/x")
        #expect(record("title = {T}, url = {https://a.example/x; https://b.example/y}")?.url == "https://a.example/x")
    }
}

/// Forms found in biber's and bibtexparser's own test files.
@Suite struct BibTeXCorpusFormTests {
    @Test func aCommentedOutEntryIsNoEntryAndASpaceMayPrecedeTheBrace() {
        let text = """
            %@BOOK{L27,
            %  AUTHOR = {Smith, Jr., Bill}
            %}
            @ARTICLE {un1,
              AUTHOR = {given={John}, family={Smith}, middle={Simon}},
              TITLE = {Open range},
              PAGES = {42-}
            }
            """
        #expect(BibTeXImporter().recognises(SourceDocument(path: "x", text: "@ARTICLE {un1,\n}")))
        let library = Library(documents: [SourceDocument(path: "names.bib", text: text)])
        #expect(library.records.map(\.id) == ["un1"])
        #expect(library.diagnostics.isEmpty)
        #expect(library.records[0].authors == [Person(family: "Smith", given: "John Simon")])
        #expect(library.records[0].pages == "42-")
    }

    @Test func schemelessAndSemicolonJoinedAddresses() {
        #expect(WebAddress.normalised("www.reporturl.com") == "http://www.reporturl.com")
        #expect(WebAddress.normalised("http://example.com;http://www.example.com") == "http://example.com")
        #expect(WebAddress.normalised("https://example.com/a;b=1") == "https://example.com/a;b=1")
    }

    /// As BibTeX splits them: "(red.)" starts in lower case, so it begins the von part.
    @Test func firstVonLastAsBibTeXSplitsItWithParenthesesKept() {
        let names = Library(documents: [SourceDocument(path: "n.bib", text: #"""
            @article{n, title = {T}, author = {Ludwig van Beethoven and Jean de La Fontaine and {Shahedipour-Sandvik}, Fatemeh (Shadi) and Lin Tian (田琳) and Ole (red.) Høiris and World Health Organization and de'{\hspace{0pt}} Medici, Lorenzo and Plato}}
            """#)]).records.first?.authors
        #expect(names == [
            Person(family: "van Beethoven", given: "Ludwig"), Person(family: "de La Fontaine", given: "Jean"),
            Person(family: "Shahedipour-Sandvik", given: "Fatemeh (Shadi)"), Person(family: "(田琳)", given: "Lin Tian"),
            Person(family: "(red.) Høiris", given: "Ole"), Person(literal: "World Health Organization"),
            Person(family: "de' Medici", given: "Lorenzo"), Person(family: "Plato"),
        ])
    }

    @Test func namedAccentsAndLayoutCommands() {
        let title = Library(documents: [SourceDocument(path: "a.bib", text: #"""
            @article{a, title = {Ro\textcommabelow sia and anu\d s\d th(u)y\textacutemacron a\hspace{2em}!}}
            """#)]).records.first?.title
        #expect(title == "Roșia and anuṣṭh(u)yá̄!".precomposedStringWithCanonicalMapping || title == "Roșia and anuṣṭh(u)yā́!")
    }

    @Test func aDOIFieldThatIsNoDOIIsKeptWhenItIsOneWord() {
        let records = Library(documents: [SourceDocument(path: "d.bib", text: """
            @article{a, title = {T}, doi = {fg6rf9}}
            @article{b, title = {T}, doi = {j.desal.2005.02.017}}
            @article{c, title = {T}, doi = {make it break}}
            """)]).records
        #expect(records.map(\.doi) == ["fg6rf9", "j.desal.2005.02.017", nil])
    }
}
