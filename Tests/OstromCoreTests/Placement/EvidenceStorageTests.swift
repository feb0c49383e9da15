import Testing
@testable import OstromCore

/// A text's evidence shares one copy of its sentences and one array of
/// marks: each evidence must still be its own sentence with its own marks,
/// whatever was kept, replaced or marked in characters around it.
@Suite struct EvidenceStorageTests {
    let engine = PlacementEngine()

    @Test func eachEvidenceIsItsSentenceMarkedAsWhenAnalysedAlone() throws {
        // More sentences than are kept for "Doing to", scoring more as they
        // go (the first ones are replaced), some with characters of several
        // bytes (marks counted in characters), others for other categories.
        let sentences = [
            "Tenants were coerced.",
            "Über alles, the families were coerced and forced.",
            "Residents shared power with staff.",
            "The council imposed the scheme; tenants were coerced, forced and compelled.",
            "Parents 👩‍👩‍👧 were told what would happen and were coerced.",
            "Peer support grew among the volunteers.",
            "Claimants were sanctioned, coerced and forced into work.",
            "The officials imposed it and compelled the tenants, who were coerced.",
            "Staff consulted residents about the plans.",
            "Pupils were compelled to attend.",
            "Élus et agents: tenants were forced out and coerced, compelled and sanctioned.",
        ]
        let analysis = engine.analyse(sentences.joined(separator: " "))
        let findings = analysis.stages + analysis.levels + analysis.principles
        #expect(findings.contains { $0.name == "Doing to" && $0.sentenceCount > PlacementEngine.evidenceLimit })
        var checked = 0
        for finding in findings {
            for evidence in finding.evidence {
                #expect(sentences.contains(evidence.sentence), "not one of the text's sentences: \(evidence.sentence)")
                let alone = try #require(engine.analyse(evidence.sentence).finding(named: finding.name)?.evidence.first)
                #expect(evidence.marked == alone.marked)
                #expect(evidence.score == alone.score)
                #expect(evidence == alone)
                // Marks are whole words, counted in characters.
                let characters = Array(evidence.sentence)
                for mark in evidence.marks {
                    #expect(characters[mark.lowerBound].isLetter && characters[mark.upperBound - 1].isLetter, "\(evidence.marked)")
                    #expect(mark.lowerBound == 0 || !characters[mark.lowerBound - 1].isLetter, "\(evidence.marked)")
                    #expect(mark.upperBound == characters.count || !characters[mark.upperBound].isLetter, "\(evidence.marked)")
                }
                checked += 1
            }
        }
        #expect(checked >= 8)
    }
}
