import Testing
@testable import OstromCore

@Suite struct RISImporterTests {
    static let file = """
        Exported from EndNote
        TY  - JOUR
        AU  - Pestoff, Victor
        A2  - Brandsen, Taco
        TI  - Co-production and third sector social services in Europe
        T2  - Voluntas
        PY  - 2006/03/01/
        VL  - 17
        IS  - 2
        SP  - 123
        EP  - 145
        DO  - https://doi.org/10.1007/S11266-006-9010-7
        AB  - This article compares co-production
        in eight countries.
        KW  - co-production
        KW  - third sector
        SN  - 0957-8765
        LA  - English
        ER  -

        some junk between records

        TY  - BOOK
        A1  - Ostrom, Elinor
        T1  - Governing the Commons
        PB  - Cambridge University Press
        CY  - Cambridge
        Y1  - 1990
        ER  -
        TY  - CHAP
        AU  - Nobody, N.
        PY  - 2001
        """.replacingOccurrences(of: "\n", with: "\r\n")

    private func imported() -> ImportResult {
        DocumentRecognizer().importRecords(from: SourceDocument(path: "refs.ris", text: Self.file))
    }

    @Test func recordsWithEveryTag() throws {
        let records = imported().records
        #expect(records.count == 3)
        let article = try #require(records.first)
        #expect(article.source?.format == "ris")
        #expect(article.type == "article-journal")
        #expect(article.title == "Co-production and third sector social services in Europe")
        #expect(article.authors == [Person(family: "Pestoff", given: "Victor")])
        #expect(article.editors == [Person(family: "Brandsen", given: "Taco")])
        #expect(article.container == "Voluntas")
        #expect(article.date == PartialDate(year: 2006, month: 3, day: 1))
        #expect(article.volume == "17" && article.issue == "2" && article.pages == "123-145")
        #expect(article.doi == "10.1007/s11266-006-9010-7")
        #expect(article.abstract == "This article compares co-production in eight countries.")
        #expect(article.keywords == ["co-production", "third sector"])
        #expect(article.issn == ["0957-8765"])
        #expect(article.language == "en")
        let book = records[1]
        #expect(book.type == "book" && book.title == "Governing the Commons" && book.year == 1990)
        #expect(book.publisher == "Cambridge University Press")
        #expect(book.authors == [Person(family: "Ostrom", given: "Elinor")])
    }

    @Test func missingFinalERAndMissingTitleAreReportedNotLost() {
        let result = imported()
        #expect(result.records.last?.type == "chapter")
        #expect(result.diagnostics.map(\.description) == [
            "refs.ris:30: warning: record has no title (TI or T1)",
            "refs.ris:30: warning: the last record has no closing ER",
        ])
    }
}

/// RIS as EndNote, Ovid, PubMed, Rayyan and Zotero write it.
@Suite struct RISFidelityTests {
    private func records(_ text: String) -> [Record] {
        DocumentRecognizer().importRecords(from: SourceDocument(path: "refs.ris", text: text)).records
    }

    @Test func rolesNamesKeywordsAndAddresses() throws {
        let record = try #require(records("""
            TY - JOUR
            AU  - van der Kallen, Carla J. H.
            AU  - Smith, John, Jr.
            AU  - World Health Organization
            A1  - Fanning E.
            A1  - Xu JA
            A2  - Editor, Ed
            A3  - Series, Sam
            A4  - Translator, Tina
            TI  - Keywords on their own lines
            J2  - J. Coprod.
            KW  - Animals
            Boswellia
            Humans
            L2  - https://fulltext.example/pdf
            UR  - https://a.example/x; https://b.example/y
            PY  - 2021
            ER  -
            """).first)
        #expect(record.authors == [Person(family: "van der Kallen", given: "Carla J. H."), Person(family: "Smith", given: "John", suffix: "Jr."),
                                   Person(literal: "World Health Organization"), Person(family: "Fanning", given: "E."), Person(family: "Xu", given: "JA")])
        #expect(record.editors == [Person(family: "Editor", given: "Ed")])
        #expect(record.seriesEditors == [Person(family: "Series", given: "Sam")])
        #expect(record.translators == [Person(family: "Translator", given: "Tina")])
        #expect(record.keywords == ["Animals", "Boswellia", "Humans"])
        #expect(record.url == "https://a.example/x")
        #expect(record.container == "J. Coprod.")
        #expect(record.type == "article-journal")
        let library = Library(records: [record]).adding([])
        #expect(Library(documents: [SourceDocument(path: "r.ris", text: RISExporter.text(of: [record]))]).records.first?.editors == record.editors)
        _ = library
    }

    @Test func theContainerIsChosenByTagNotByItsPlaceInTheRecord() {
        let record = records("TY  - JOUR\nJA  - Abbrev.\nJO  - Periodical\nT2  - Full Journal Title\nTI  - T\nER  - \n").first
        #expect(record?.container == "Full Journal Title")
    }
}
