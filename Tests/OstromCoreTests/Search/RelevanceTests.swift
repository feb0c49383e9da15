import Foundation
import Testing
@testable import OstromCore
import SyntheticLibrary

/// One judged query: the records a careful reader wants first (grade 2),
/// and what else counts as relevant (grade 1): a record whose title holds
/// one of `titleWords`, or by one of `authors`. Whatever is not judged is
/// not relevant.
struct JudgedQuery {
    var query: String
    var wanted: [String]
    var titleWords: [String] = []
    var authors: [String] = []

    /// The grade of a record for this query.
    func grade(of record: Record) -> Int {
        if wanted.contains(record.id) { return 2 }
        let words = Set(record.title.lowercased().split { !($0.isLetter || $0 == "-") }.map(String.init))
        if titleWords.contains(where: words.contains) { return 1 }
        if record.authors.contains(where: { authors.contains($0.family ?? "") }) { return 1 }
        return 0
    }
}

/// Relevance checked, not assumed: 64 judged queries over the built-in
/// corpus, a library of the field written for them (`RelevanceLibrary`)
/// and 300 generated records around them, run as the command line runs
/// them. nDCG@10 (gains 2^grade − 1) and recall@20 (of the records wanted
/// first) are averaged; the test fails below the figures reached when it
/// was written (README, "Search").
@Suite struct RelevanceTests {
    static let queries: [JudgedQuery] = [
        // The built-in corpus.
        JudgedQuery(query: "conciliation", wanted: ["tuurnas2016"]),
        JudgedQuery(query: "frontline accountability", wanted: ["tuurnas2016"], titleWords: ["accountability"]),
        JudgedQuery(query: "primary education", wanted: ["body2021"]),
        JudgedQuery(query: "voluntary action", wanted: ["body2021"]),
        JudgedQuery(query: "outcomes for children", wanted: ["loeffler2020"]),
        JudgedQuery(query: "non-profits", wanted: ["mcmullin2018"]),
        JudgedQuery(query: "theory and practice", wanted: ["nef2014"]),
        JudgedQuery(query: "tuurnas", wanted: ["tuurnas2016"], authors: ["Tuurnas"]),
        JudgedQuery(query: "mcmullin", wanted: ["mcmullin2018"]),
        JudgedQuery(query: "body hogg", wanted: ["body2021"]),
        JudgedQuery(query: "community members", wanted: ["mcmullin2018"]),
        JudgedQuery(query: "english public services", wanted: ["body2021"]),
        JudgedQuery(query: "better outcomes", wanted: ["loeffler2020"]),
        JudgedQuery(query: "narratives", wanted: ["mcmullin2018"]),
        JudgedQuery(query: "frontline", wanted: ["tuurnas2016"], titleWords: ["frontline"]),
        // Word forms.
        JudgedQuery(query: "volunteering", wanted: ["rel-volunteer1", "rel-volunteer2", "rel-volunteer3"], titleWords: ["volunteers", "volunteer", "volunteering"]),
        JudgedQuery(query: "volunteers", wanted: ["rel-volunteer1", "rel-volunteer2", "rel-volunteer3"], titleWords: ["volunteers", "volunteer", "volunteering"]),
        JudgedQuery(query: "volunteer", wanted: ["rel-volunteer1", "rel-volunteer2", "rel-volunteer3"], titleWords: ["volunteers", "volunteer", "volunteering"]),
        JudgedQuery(query: "participation", wanted: ["rel-particip2", "rel-particip3", "rel-health", "rel-particip1"],
                    titleWords: ["participation", "participatory", "participates"]),
        JudgedQuery(query: "participate", wanted: ["rel-particip2", "rel-particip3", "rel-health"], titleWords: ["participation", "participates"]),
        JudgedQuery(query: "participatory budgeting", wanted: ["rel-particip1"]),
        JudgedQuery(query: "reciprocity", wanted: ["rel-recip1", "rel-recip2"], titleWords: ["reciprocity", "reciprocal"]),
        JudgedQuery(query: "reciproc*", wanted: ["rel-recip1", "rel-recip2"], titleWords: ["reciprocity", "reciprocal"]),
        JudgedQuery(query: "reciprocal relationships", wanted: ["rel-recip2", "rel-boyle"]),
        JudgedQuery(query: "time bank", wanted: ["rel-timebank2", "rel-recip1", "rel-timebank1"]),
        JudgedQuery(query: "time banking", wanted: ["rel-timebank1", "rel-timebank2", "rel-recip1"], titleWords: ["time banking"]),
        JudgedQuery(query: "co-design", wanted: ["rel-codesign1", "rel-codesign2", "rel-codesign3"], titleWords: ["co-design"]),
        JudgedQuery(query: "codesign", wanted: ["rel-codesign1", "rel-codesign2", "rel-codesign3"], titleWords: ["co-design"]),
        JudgedQuery(query: "codesigning", wanted: ["rel-codesign2", "rel-codesign1", "rel-codesign3"]),
        JudgedQuery(query: "coproducers", wanted: ["rel-parks", "rel-education", "rel-volunteer3"]),
        JudgedQuery(query: "empowerment", wanted: ["rel-empower"], titleWords: ["empowerment"]),
        JudgedQuery(query: "evaluation", wanted: ["rel-evaluation", "rel-timebank1"], titleWords: ["evaluation"]),
        JudgedQuery(query: "commissioning", wanted: ["rel-commissioning", "rel-voluntary"], titleWords: ["commissioning", "co-commissioning"]),
        JudgedQuery(query: "budgets", wanted: ["rel-budget", "rel-particip1"], titleWords: ["budgets"]),
        JudgedQuery(query: "institution", wanted: ["rel-ostrom2", "rel-parks"], titleWords: ["institutional", "institutions"]),
        // Partial words.
        JudgedQuery(query: "partic*", wanted: ["rel-particip1", "rel-particip2", "rel-particip3", "rel-health"],
                    titleWords: ["participation", "participatory", "participates"]),
        JudgedQuery(query: "codes*", wanted: ["rel-codesign2"]),
        JudgedQuery(query: "volunt*", wanted: ["rel-volunteer1", "rel-volunteer2", "rel-volunteer3", "rel-voluntary"],
                    titleWords: ["volunteers", "voluntary", "volunteering"]),
        // Authors.
        JudgedQuery(query: "ostrom", wanted: ["rel-ostrom", "rel-ostrom2"], authors: ["Ostrom"]),
        JudgedQuery(query: "pestoff", wanted: ["rel-pestoff"], authors: ["Pestoff"]),
        JudgedQuery(query: "pestoff childcare", wanted: ["rel-pestoff"]),
        JudgedQuery(query: "bovaird", wanted: ["rel-bovaird"], authors: ["Bovaird"]),
        JudgedQuery(query: "alford clients", wanted: ["rel-alford"]),
        JudgedQuery(query: "brandsen honingh", wanted: ["rel-brandsen"]),
        JudgedQuery(query: "author:needham", wanted: ["rel-needham"], authors: ["Needham"]),
        // Topics.
        JudgedQuery(query: "community policing", wanted: ["rel-policing"]),
        JudgedQuery(query: "parents education", wanted: ["rel-education", "rel-pestoff"]),
        JudgedQuery(query: "chronic patients", wanted: ["rel-health"]),
        JudgedQuery(query: "digital platforms", wanted: ["rel-digital", "rel-codesign2"]),
        JudgedQuery(query: "personal budgets", wanted: ["rel-budget"]),
        JudgedQuery(query: "collaborative governance", wanted: ["rel-accountability"]),
        JudgedQuery(query: "power inequality", wanted: ["rel-power"]),
        JudgedQuery(query: "peer support", wanted: ["rel-peer"], titleWords: ["peer"]),
        JudgedQuery(query: "street-level trust", wanted: ["rel-trust"]),
        JudgedQuery(query: "systematic review co-creation", wanted: ["rel-voorberg"]),
        JudgedQuery(query: "social innovation", wanted: ["rel-voorberg"]),
        JudgedQuery(query: "types of coproduction", wanted: ["rel-brandsen"]),
        JudgedQuery(query: "adult social care", wanted: ["rel-needham", "rel-recip3", "rel-volunteer3"]),
        JudgedQuery(query: "throw-away people", wanted: ["rel-cahn"]),
        JudgedQuery(query: "commons", wanted: ["rel-ostrom2"]),
        JudgedQuery(query: "mental health", wanted: ["rel-codesign1", "rel-peer"]),
        JudgedQuery(query: "older people time", wanted: ["rel-timebank2"]),
        // Misspelt.
        JudgedQuery(query: "reciprocty", wanted: ["rel-recip1", "rel-recip2"], titleWords: ["reciprocity"]),
        JudgedQuery(query: "neighborhood planning", wanted: ["rel-particip2"]),
    ]

    static let records: [Record] = {
        var records = Library.builtIn().records + RelevanceLibrary.records + SyntheticLibrary.records(count: 300, seed: 7)
        RecordIdentifiers.assign(&records)
        return records
    }()

    /// Mean nDCG@10 and recall@20 over the judged queries, and the queries
    /// that found none of their wanted records in their first 20.
    static func measure() throws -> (ndcg: Double, recall: Double, missed: [String]) {
        let index = SearchIndex(records: records)
        var ndcgSum = 0.0, recallSum = 0.0
        var missed: [String] = []
        for judged in queries {
            let hits = try FinishedQuery(judged.query, allowsTypos: true).hits(in: index) { _ in true }.hits
            let grades = hits.prefix(20).map { judged.grade(of: records[$0.record]) }
            let ideal = records.map(judged.grade).filter { $0 > 0 }.sorted(by: >)
            func dcg(_ grades: some Collection<Int>) -> Double {
                zip(grades, 1...).reduce(0) { $0 + (pow(2, Double($1.0)) - 1) / log2(Double($1.1) + 1) }
            }
            ndcgSum += dcg(grades.prefix(10)) / dcg(ideal.prefix(10))
            let found = grades.count { $0 == 2 }
            recallSum += Double(found) / Double(judged.wanted.count)
            if found == 0 { missed.append(judged.query) }
        }
        return (ndcgSum / Double(queries.count), recallSum / Double(queries.count), missed)
    }

    @Test func theJudgedQueriesRankWhatAReaderWantsFirst() throws {
        #expect(Self.queries.count >= 60)
        // Every wanted record is in the library.
        let ids = Set(Self.records.map(\.id))
        #expect(Self.queries.flatMap(\.wanted).allSatisfy(ids.contains))
        let (ndcg, recall, missed) = try Self.measure()
        print(String(format: "relevance: nDCG@10 %.3f, recall@20 %.3f over %d queries", ndcg, recall, Self.queries.count))
        #expect(ndcg >= 0.85, "nDCG@10 \(ndcg)")
        #expect(recall >= 0.91, "recall@20 \(recall)")
        // Snowball's English stemmer makes "empowerment" empower and
        // "empowering" empow: the one judged query whose wanted record no form reaches.
        #expect(missed == ["empowerment"], "no wanted record in the first 20: \(missed)")
    }
}
