import Testing
@testable import OstromCore

@Suite struct RecordTableTests {
    @Test func columnsAlignByDisplayWidthWithChineseAndControls() {
        var chinese = Record(id: "li2021", kind: .paper, title: "合作生产\u{1B}[31m")
        chinese.authors = [Person(family: "李")]
        chinese.date = PartialDate(year: 2021)
        var latin = Record(id: "x", kind: .note, title: "Plain")
        latin.authors = [Person(family: "Müller"), Person(family: "Roe")]
        let lines = RecordTable.lines(for: [chinese, latin])
        #expect(lines == [
            "ID      KIND   DATE  PEOPLE        TITLE",
            "li2021  paper  2021  李            合作生产^[[31m",
            "x       note         Müller & Roe  Plain",
        ])
    }

    @Test func titleIsCutToTheWidth() {
        let lines = RecordTable.lines(for: Library.builtIn().records, width: 80)
        for line in lines { #expect(DisplayWidth.of(line) <= 80) }
        #expect(lines[1].hasSuffix("…"))
    }
}

@Suite struct RecordTextTests {
    let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 22), hour: 12, minute: 0)

    @Test func paperShowsVenueLineAndTranslation() throws {
        let library = Library.builtIn()
        let tuurnas = try #require(library.record(withID: "tuurnas2016"))
        let text = RecordText.render(tuurnas, now: now, width: 100)
        #expect(text.contains("Published  International review of administrative sciences, 2016-03, vol. 82 (1), pp. 131-149"))
        #expect(text.contains("ISSN       0020-8523, 1461-7226"))
        let body = try #require(library.record(withID: "body2021"))
        let bodyText = RecordText.render(body, now: now, width: 60)
        #expect(bodyText.contains("Translation (zh, machine-translated by the source)"))
        for line in bodyText.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 60) }
    }

    @Test func eventShowsWhenWithStatus() throws {
        let event = try #require(Library.builtIn().record(withID: "mcmullin2018"))
        let text = RecordText.render(event, now: now)
        #expect(text.contains("When      2018-11-30 12:00–13:00 (past)"))
        #expect(text.contains("About the speaker\n  Caitlin is a BMO"))
    }
}

@Suite struct LadderTextTests {
    @Test func stagesDrawnTopToBottomFromDoingWith() throws {
        let text = LadderText.render(LadderModel.builtIn())
        let with = try #require(text.range(of: "DOING WITH"))
        let forStage = try #require(text.range(of: "DOING FOR"))
        let to = try #require(text.range(of: "DOING TO"))
        #expect(with.lowerBound < forStage.lowerBound && forStage.lowerBound < to.lowerBound)
        #expect(text.whitespaceNormalised.contains("No professional input into service planning: Self-organised community provision"))
        #expect(text.contains("[line 84]"))
    }
}
