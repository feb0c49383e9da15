import Foundation
import Testing
@testable import BrowserUI
@testable import OstromCore
import SyntheticLibrary
import TerminalCanvas

/// A query typed in the prompt and sent with Enter finds what the command
/// line finds for the same text (`FinishedQuery`, which `ostrom search`,
/// `list --query` and `export --query` run): the same hits in the same
/// order, for a few hundred queries generated from the library's words.
@Suite struct PromptAgreesWithCommandLineTests {
    /// The built-in corpus and a generated library of the field.
    static let records: [Record] = {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 400, seed: 14)
        RecordIdentifiers.assign(&records)
        return records
    }()

    /// Queries of every form the language has, built from the records'
    /// words by a fixed pseudo-random walk.
    static func queries(count: Int) -> [String] {
        var words: [String] = []
        var names: [String] = []
        var phrases: [String] = []
        for record in records {
            let title = record.title.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && $0.allSatisfy(\.isASCII) }
            words += title
            if title.count >= 2 { phrases.append(title[0] + " " + title[1]) }
            names += record.authors.compactMap(\.family).filter { $0.allSatisfy(\.isASCII) }
        }
        var seed: UInt64 = 0x5EED
        func pick<T>(_ items: [T]) -> T {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return items[Int((seed >> 33) % UInt64(items.count))]
        }
        func word() -> String { pick(words) }
        let forms: [() -> String] = [
            { word() },
            { word() + " " + word() },
            { String(word().prefix(pick([3, 4, 5, 6]))) + "*" },
            { word() + " " + String(word().prefix(4)) + "*" },
            { String(word().prefix(5)) + "* " + word() },
            { String(word().prefix(5)) },
            { "title:" + word() },
            { "author:" + pick(names) },
            { "\"" + pick(phrases) + "\"" },
            { word() + " OR " + word() },
            { word() + " -" + word() },
            { word() + " year:2005..2020" },
            { "year:2005..2020 " + word() },
            { word() + "s" },
            { word() + "ing" },
            { String(word().dropLast()) },
            { "kind:paper " + word() },
            { "abstract:" + String(word().prefix(5)) + "* " + word() },
        ]
        return (0..<count).map { index in forms[index % forms.count]() }
    }

    @Test func theSameHitsInTheSameOrderForEveryQuery() throws {
        var state = AppState(records: Self.records, ladder: LadderModel.builtIn(), now: Fixture.now, size: (100, 30))
        let index = SearchIndex(records: Self.records)
        var compared = 0, withHits = 0
        for text in Self.queries(count: 360) {
            // In the Search tab: one query in ten typed key by key (each key
            // runs it as typed), the others pasted but for their last key; then sent.
            state.handle(.character("s"))
            state.handle(.control("u"))
            let typed = compared % 10 == 0 ? text : String(text.dropLast())
            if typed.count < text.count { state.prompt?.editor = LineEditor(typed) }
            for character in text.dropFirst(text.count - (compared % 10 == 0 ? text.count : 1)) { state.handle(.character(character)) }
            state.handle(.enter)
            #expect(state.prompt == nil, "\(text)")
            let prompt = (state.filters[.search]?.hits ?? []).map { state.records[$0].id }
            let commandLine = try FinishedQuery(text, allowsTypos: true).hits(in: index) { _ in true }.hits.map { Self.records[$0.record].id }
            #expect(prompt == commandLine, "\(text)")
            compared += 1
            if !commandLine.isEmpty { withHits += 1 }
        }
        // The queries are not all empty-handed.
        #expect(compared == 360 && withHits > 250, "\(withHits) of \(compared) queries have hits")
    }

    /// The issue's examples, in the browser's Search tab, typed and sent.
    @Test func theIssuesExamplesAsTheCommandLineAnswersThem() throws {
        var state = try Fixture.state(width: 100, height: 30)
        func sent(_ text: String) -> [String] {
            for key in [KeyPress.character("s"), .control("u")] + text.map({ KeyPress.character($0) }) + [.enter] { state.handle(key) }
            return (state.filters[.search]?.hits ?? []).map { state.records[$0].id }
        }
        // As `CommandLineTests.prefixesStemsAndWordsCloseToThem` finds them with the real binary.
        #expect(sent("reciproc*") == ["nef2014"])
        #expect(sent("volunteering") == ["nef2014", "tuurnas2016", "body2021"])
        #expect(sent("concil*") == ["tuurnas2016"])
    }

    /// A word that found records while typed, as a start, and none once
    /// sent, as a whole word: the status row says how to keep them.
    @Test func sendingAStartThatIsNoWholeWordSaysHowToKeepItsHits() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [KeyPress.character("/")] + "co-prod".map({ KeyPress.character($0) }) { state.handle(key) }
        #expect(state.filters[.papers]?.hits.isEmpty == false)
        state.handle(.enter)
        #expect(state.filters[.papers]?.hits.isEmpty == true)
        #expect(state.message == "no whole word “co-prod”: co-prod* finds the words it begins")
    }

    @Test func aWordThatMatchesNothingFindsWordsCloseToItAndSaysSo() throws {
        var state = try Fixture.state(width: 100, height: 30)
        for key in [KeyPress.character("s")] + "accountabilty".map({ KeyPress.character($0) }) + [.enter] { state.handle(key) }
        #expect(state.message == "no word “accountabilty”: words close to it")
        #expect((state.filters[.search]?.hits ?? []).map { state.records[$0].id } == ["tuurnas2016"])
        // Typed, the word is a prefix and nothing matches it either.
        for key in [KeyPress.character("s"), .control("u")] + "concil".map({ KeyPress.character($0) }) { state.handle(key) }
        #expect((state.filters[.search]?.hits ?? []).map { state.records[$0].id } == ["tuurnas2016"])
        // Sent, it is a whole word: no record holds it, so words close to it answer.
        state.message = nil
        state.handle(.enter)
        #expect(state.message == "no word “concil”: words close to it")
        #expect((state.filters[.search]?.hits ?? []).map { state.records[$0].id } == ["nef2014"])
    }
}
