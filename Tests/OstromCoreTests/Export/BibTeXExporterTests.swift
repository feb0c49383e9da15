import Testing
@testable import OstromCore

@Suite struct BibTeXExporterTests {
    @Test func entryTypeFieldsAndEscapes() {
        var record = Record(id: "x", kind: .paper, title: "50% & more\u{1B}[31m of {it}")
        record.citationKey = "smith2020"
        record.type = "paper-conference"
        record.authors = [Person(family: "Smith", given: "Ann"), Person(literal: "Audit Commission"), Person(literal: "others")]
        record.date = PartialDate(year: 2020, month: 4)
        record.container = "Proceedings of IRSPM"
        record.pages = "1-9"
        let text = BibTeXExporter.text(of: [record])
        #expect(text == """
            @inproceedings{smith2020,
              title = {50\\% \\& more [31m of \\{it\\}},
              author = {Smith, Ann and {Audit Commission} and others},
              year = {2020},
              month = {4},
              booktitle = {Proceedings of IRSPM},
              pages = {1--9}
            }

            """)
    }

    @Test func verbatimFieldsQuotesRolesAndSuffixesRoundTrip() {
        var record = Record(id: "x", kind: .paper, title: "Two ''quotes'' and x^2 -- and a `tick`")
        record.citationKey = "x2020"
        record.doi = "10.1000/a_b<c>"
        record.url = "https://example.org/a_b%20c"
        record.authors = [Person(family: "King", given: "Martin Luther", suffix: "Jr.")]
        record.editors = [Person(family: "Loeffler", given: "Elke")]
        record.translators = [Person(family: "Body", given: "Alison")]
        let text = BibTeXExporter.text(of: [record])
        // What bibtexparser and pandoc both read back as ^ (\textasciicircum{} is ˆ to bibtexparser).
        #expect(text.contains("x\\string^2"))
        #expect(text.contains("  doi = {10.1000/a_b<c>},\n"))
        #expect(text.contains("  url = {https://example.org/a_b%20c}\n"))
        #expect(text.contains("  author = {King, Jr., Martin Luther},\n"))
        let back = Library(documents: [SourceDocument(path: "x.bib", text: text)]).records.first
        #expect(back?.title == record.title)
        #expect(back?.doi == record.doi)
        #expect(back?.url == record.url)
        #expect(back?.authors == record.authors)
        #expect(back?.editors == record.editors)
        #expect(back?.translators == record.translators)
    }

    @Test func keysAreMadeValidAndUnique() {
        let records = ["Müller 2020", "Müller 2020", "a,b{c}"].map { Record(id: $0, kind: .paper, title: "T") }
        let keys = BibTeXExporter.text(of: records).split(separator: "\n").filter { $0.hasPrefix("@") }
        #expect(keys == ["@misc{M-ller-2020,", "@misc{M-ller-20201,", "@misc{a-b-c-,"])
    }

    @Test func thesesAndReportsNameTheirInstitution() {
        var thesis = Record(id: "t", kind: .paper, title: "T")
        thesis.type = "thesis"
        thesis.publisher = "University of Birmingham"
        var report = thesis
        report.id = "r"
        report.type = "report"
        let text = BibTeXExporter.text(of: [thesis, report])
        #expect(text.contains("@phdthesis{t,\n  title = {T},\n  school = {University of Birmingham}"))
        #expect(text.contains("@techreport{r,\n  title = {T},\n  institution = {University of Birmingham}"))
    }
}

@Suite struct RecordLinkTests {
    @Test func doiBecomesAnEncodedHTTPSAddress() {
        var record = Record(id: "x", kind: .paper, title: "T")
        #expect(record.link == nil)
        record.doi = "10.1002/(SICI)1099-1379<1::AID>3.0.CO;2 x"
        #expect(record.link == "https://doi.org/10.1002/(SICI)1099-1379%3C1::AID%3E3.0.CO;2%20x")
    }

    @Test func onlyPlainHTTPAddressesAreOpenable() {
        #expect(OpenableLink.isOpenable("https://doi.org/10.1/x"))
        #expect(OpenableLink.isOpenable("HTTP://example.org"))
        for bad in ["file:///etc/passwd", "-x https://a", "javascript:alert(1)", "https://a b", "https://a\u{1B}]52", "ftp://a"] {
            #expect(!OpenableLink.isOpenable(bad), "\(bad)")
        }
    }
}

@Suite struct RecordURLTests {
    @Test func importersKeepHTTPAddressesOnly() throws {
        let ris = "TY  - JOUR\nTI  - A\nUR  - javascript:alert(1)\nUR  - https://example.org/a\nER  - \n"
        let bib = "@misc{b2020, title = {B}, url = {http://example.org/b%20c}}\n"
        let library = Library(documents: [SourceDocument(path: "a.ris", text: ris), SourceDocument(path: "b.bib", text: bib)])
        #expect(library.records.map(\.url) == ["https://example.org/a", "http://example.org/b%20c"])
        #expect(library.records.map(\.link) == ["https://example.org/a", "http://example.org/b%20c"])
    }
}
