import Foundation
import Testing
@testable import OstromCore
import SyntheticLibrary

/// A sentence of plain ASCII is read by a loop of its own, a word's letters
/// found sixteen bytes at a time; any other sentence is read character by
/// character. Both walk the trie's double array, and must find the same
/// words, at the same places, in the same clauses, with the same endings.
@Suite struct PlacementReadingTests {
    let table: PatternTable = {
        let lexicon = PlacementLexicon.builtIn()
        let categories = lexicon.stages + lexicon.levels + lexicon.principles
        let terms = categories.flatMap { $0.weightedTerms.map(\.term) + $0.together.flatMap(\.all) }
        var table = PatternTable(terms: terms + lexicon.negations + ["only", "2020s", "people's"], groups: lexicon.groups)
        table.seal()
        return table
    }()

    private struct Word: Equatable {
        var start: Int32, end: Int32, clause: Int32, ending: Int32
    }

    /// The words as each reader reads them.
    private func words(_ text: String) -> (plain: [Word], characters: [Word]) {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            let reader = TextReader(string: text, bytes: bytes)
            var plain = PlacementTokens()
            plain.readPlainASCII(0..<bytes.count, of: bytes, table: table)
            var characters = PlacementTokens()
            characters.readCharacters(0..<bytes.count, of: reader, table: table)
            func list(_ tokens: borrowing PlacementTokens) -> [Word] {
                (0..<tokens.count).map { Word(start: tokens[$0].start, end: tokens[$0].end, clause: tokens[$0].clause, ending: tokens[$0].ending) }
            }
            return (list(plain), list(characters))
        }
    }

    @Test func bothReadersReadTheSameWords() {
        let texts = [
            "People's co-production: residents' voices, \"not only\" (users) decide; it doesn't.",
            "peoples'' views ''quoted'' and 'single' quotes, o'clock, rock'n'roll'",
            "COPRODUCTION Coproduced coproducing co produced 2020s 1970 a1b2 users2",
            "", "'", "a", "it's", "end'", "x,y;z:w(v)u\"t", "the   spaces\tand\ttabs",
        ]
        for text in texts {
            let (plain, characters) = words(text)
            #expect(plain == characters, "\(text)")
        }
        // The lexicon's words themselves, each alone and run together with its neighbours.
        var generator = SystemRandomNumberGenerator()
        let terms: [String] = PlacementLexicon.builtIn().stages.flatMap { $0.weightedTerms.map(\.term) }
        let separators: Set<Character> = [" ", "*", "@", "|"]
        let lexiconWords: [String] = terms.flatMap { $0.split(whereSeparator: separators.contains).map(String.init) }
        let endings = ["'s", "'", "ing", "X", "9", "''t"]
        let joins = [" ", ", ", "; ", "'", "-", " (", ") "]
        for _ in 0..<300 {
            var chosen: [String] = []
            for _ in 0..<12 {
                let word = lexiconWords.randomElement(using: &generator)!
                chosen.append(Bool.random(using: &generator) ? word + endings.randomElement(using: &generator)! : word)
            }
            let text = chosen.joined(separator: joins.randomElement(using: &generator)!)
            let (plain, characters) = words(text)
            #expect(plain == characters, "\(text)")
        }
    }

    @Test func plainASCIIIsToldSixteenBytesAtATime() {
        // Every length around a chunk's, with a byte of more than ASCII
        // or a carriage return at each place, and just after the range.
        for length in 0..<40 {
            for place in 0...length {
                for odd: UInt8 in [0xC3, 0x0D] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length + 1)
                    bytes[place] = odd
                    bytes.withUnsafeBufferPointer { buffer in
                        let reader = TextReader(string: "", bytes: buffer)
                        #expect(reader.isPlainASCII(0..<length) == false, "\(length) \(place) \(odd)")
                        if place == length && length > 0 {
                            #expect(reader.isPlainASCII(0..<max(0, length - 1)), "\(length) \(odd)")
                        }
                    }
                }
            }
            let plain = [UInt8](repeating: UInt8(ascii: "b"), count: length)
            plain.withUnsafeBufferPointer { #expect(TextReader(string: "", bytes: $0).isPlainASCII(0..<length)) }
        }
    }

    /// Analyses made one after another with their buffers kept are the
    /// analyses made one at a time.
    @Test func analysesInARowAreAnalysesMadeAlone() {
        let engine = PlacementEngine()
        var records = SyntheticLibrary.records(count: 150)
        records[0].abstract = "Tenants were coerced. They shared power, and residents’ skills were valued."
        records[1].keywords = ["peer support", "", "co-production"]
        var analyses = PlacementEngine.Analyses(engine: engine)
        for record in records {
            #expect(analyses.analysis(of: record) == engine.analyse(record), "\(record.id)")
        }
    }

    /// A hard-wrapped paragraph is read as the same paragraph on one line:
    /// its lines joined as bytes when they are plain ASCII, as a `String`
    /// when not (a curly apostrophe, an accent), with the same evidence.
    @Test func aWrappedParagraphIsReadAsItsLinesJoined() {
        let engine = PlacementEngine()
        let lines = [
            "In the first year of the scheme the council's tenants were slowly",
            "coerced into it, and residents were not consulted about the plans at all,",
            "while later on staff and residents shared power and co-designed the",
            "services together with volunteers in peer support groups every week.",
        ]
        for variant in [lines, lines.map { $0.replacingOccurrences(of: "'", with: "’") }, lines.map { $0.replacingOccurrences(of: "scheme", with: "schème") }] {
            let wrapped = engine.analyse(variant.joined(separator: "\n"))
            let joined = engine.analyse(variant.joined(separator: " "))
            #expect(wrapped == joined)
            #expect(!wrapped.stages.isEmpty && wrapped.stages.allSatisfy { $0.evidence.allSatisfy { !$0.sentence.contains("\n") } })
        }
    }
}
