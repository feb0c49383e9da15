import Testing
@testable import OstromCore
import SyntheticLibrary

/// A phrase typed word by word is looked for at the ends of its words
/// typed before (`PhraseEnds`, made at the space after each), and answers
/// as the phrase searched from nothing: the same hits, scores and order.
@Suite struct PhraseEndsTests {
    private func paper(_ id: String, _ title: String, _ abstract: String) -> Record {
        var record = Record(id: id, kind: .paper, title: title)
        record.citationKey = id
        record.abstract = abstract
        return record
    }

    /// Types `query` one character at a time into `kept`, and checks every
    /// keystroke against an index that keeps nothing; how many keystrokes
    /// found the ends of the words before their last kept.
    private func typeEachKeystroke(_ query: String, kept: SearchIndex, fresh: SearchIndex) throws -> Int {
        kept.forgetQueries()
        var followed = 0
        for length in 1...query.count {
            let typed = String(query.prefix(length))
            guard let parsed = try? SearchQuery.parse(SearchQuery.typed(typed, cursor: length), typing: true) else { continue }
            fresh.forgetQueries()
            let expected = fresh.search(parsed)
            let plan = QueryPlan(parsed, index: kept)
            for case .phrase(_, let ids, nil) in plan.clauses.joined().map(\.step)
            where kept.atoms.phraseEnds(of: Array(ids.dropLast()), half: 0) != nil {
                followed += 1
            }
            let results = kept.search(parsed)
            #expect(results.hits == expected.hits, "\(typed)")
            #expect(results.hits.count == expected.hits.count, "\(typed)")
        }
        return followed
    }

    @Test func aPhraseTypedWordByWordAnswersAsFromNothing() throws {
        var records = Library.builtIn().records + SyntheticLibrary.records(count: 800)
        RecordIdentifiers.assign(&records)
        let (kept, fresh) = (SearchIndex(records: records, halves: 2), SearchIndex(records: records, halves: 2))
        for query in ["\"public services\"", "\"public service delivery\"", "\"co-production of public services",
                      "volunteers \"public services\" -health", "\"public services\" OR \"service users\""] {
            let followed = try typeEachKeystroke(query, kept: kept, fresh: fresh)
            // At least the keystrokes of the phrase's last word once it is a word of the index.
            #expect(followed >= 2, "\(query)")
        }
        // A phrase not typed up to a space (pasted whole, or the space after it still to come) has no ends kept.
        kept.forgetQueries()
        _ = kept.search(try SearchQuery.parse("\"public services\""))
        #expect(kept.atoms.phraseEnds(of: [kept.terms.id(of: Array("public".utf8))!], half: 0) == nil)
    }

    /// The next word's position is compared with the ends themselves, not
    /// only with their bits modulo 64; a word repeated, or the phrase's
    /// word standing again right after it, is followed as often as it stands.
    @Test func positionsSixtyFourApartAreNotNextToEachOther() throws {
        let filler = Array(repeating: "word", count: 64).joined(separator: " ")
        let records = [
            paper("apart", "Apart", "public \(filler) service and more"),
            paper("together", "Together", "a public service"),
            paper("repeated", "Repeated", "public public public service"),
            paper("reversed", "Reversed", "service public"),
            paper("heading", "Public service", "nothing else"),
        ]
        let (kept, fresh) = (SearchIndex(records: records, halves: 2), SearchIndex(records: records, halves: 2))
        for query in ["\"public service\"", "\"public public service\"", "\"public public public\"", "\"public public public public\"",
                      "\"service public\"", "\"word service\""] {
            _ = try typeEachKeystroke(query, kept: kept, fresh: fresh)
        }
        func ids(_ query: String) throws -> [String] {
            kept.forgetQueries()
            _ = kept.search(try SearchQuery.parse("\"public ", typing: true))
            return kept.search(try SearchQuery.parse(query, typing: true)).hits.map { records[$0.record].id }.sorted()
        }
        #expect(try ids("\"public service") == ["heading", "repeated", "together"])
        #expect(try ids("\"public public") == ["repeated"])
    }
}
