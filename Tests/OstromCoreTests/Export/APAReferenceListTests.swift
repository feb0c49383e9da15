import Testing
@testable import OstromCore

@Suite struct APAReferenceListTests {
    @Test func theSeedsAsAReferenceList() {
        let text = APAReferenceList.markdown(of: Library.builtIn().records)
        #expect(text.hasSuffix(">\n"))
        let references = text.dropLast().split(separator: "\n\n").map(String.init)
        #expect(references.count == 5)
        // Sorted by first author.
        #expect(references.map { String($0.prefix(4)) } == ["Body", "Loef", "McMu", "New ", "Tuur"])
        #expect(references[4] == """
            Tuurnas, S., Stenvall, J., & Rannisto, P.-H. (2016). The impact of co-production on frontline accountability: \
            the case of the conciliation service. *International review of administrative sciences*, *82*(1), 131–149. \
            <https://doi.org/10.1177/0020852314566010>
            """)
        #expect(references[3].hasPrefix("New Economics Foundation. (2014, September 29). *Co-production: theory and practice*."))
    }

    @Test func chapterBookUndatedAndMarkdownEscapes() {
        var chapter = Record(id: "c", kind: .paper, title: "Co-production *and* [co-creation]")
        chapter.type = "chapter"
        chapter.authors = [Person(family: "Brandsen", given: "Taco"), Person(family: "Honingh", given: "Marlies")]
        chapter.date = PartialDate(year: 2018)
        chapter.container = "Co-Production and Co-Creation"
        chapter.pages = "9-17"
        chapter.publisher = "Routledge"
        #expect(APAReferenceList.reference(chapter, markdown: true) == """
            Brandsen, T., & Honingh, M. (2018). Co-production \\*and\\* \\[co-creation\\]. \
            In *Co-Production and Co-Creation* (pp. 9–17). Routledge.
            """)
        var book = Record(id: "b", kind: .paper, title: "Governing the Commons")
        book.type = "book"
        book.authors = [Person(family: "Ostrom", given: "Elinor")]
        #expect(APAReferenceList.reference(book) == "Ostrom, E. (n.d.). Governing the Commons.")
    }

    @Test func moreThanTwentyAuthors() {
        let names = (1...25).map { "A\($0), B." }
        let joined = APAReferenceList.joinedAuthors(names)
        #expect(joined.hasPrefix("A1, B., A2, B.,"))
        #expect(joined.contains("A19, B., … A25, B."))
        #expect(!joined.contains("A20,"))
    }
}
