import Foundation
import SyntheticLibrary
import Testing
@testable import OstromCore

@Suite struct RecordEditingTests {
    /// An event edited as BibTeX keeps what BibTeX cannot hold.
    @Test func bibTeXChangesItsFieldsAndKeepsTheRest() throws {
        let event = SyntheticLibrary.everyField()[1]
        #expect(event.kind == .event)
        let text = RecordEditing.text(of: event, as: .bibtex)
        let edited = try RecordEditing.record(from: text.replacingOccurrences(of: "Policy Press", with: "Bristol University Press"),
                                              as: .bibtex, original: event)
        #expect(edited.publisher == "Bristol University Press")
        var expected = event
        expected.publisher = "Bristol University Press"
        // Kept: speakers, times, place, body, bio, translations, citations, source, series editors.
        #expect(edited.start == event.start && edited.body == event.body && edited.translations == event.translations)
        #expect(edited.source == event.source && edited.seriesEditors == event.seriesEditors && edited.speakers == event.speakers)
        #expect(edited.id == event.id && edited.type == event.type)
    }

    @Test func unchangedBibTeXIsTheSameRecord() throws {
        var paper = Record(id: "doe2020", kind: .paper, title: "Co-production — «quoted» & 100% {braced}")
        paper.citationKey = paper.id
        paper.authors = [Person(family: "Doe", given: "Jane"), Person(literal: "New Economics Foundation")]
        paper.date = PartialDate(year: 2020, month: 3)
        paper.container = "Journal"
        paper.doi = "10.1/x_y"
        let text = RecordEditing.text(of: paper, as: .bibtex)
        #expect(try RecordEditing.record(from: text, as: .bibtex, original: paper) == paper)
    }

    @Test func jsonReplacesEveryFieldButNotTheID() throws {
        let note = SyntheticLibrary.everyField()[3]
        let text = RecordEditing.text(of: note, as: .json)
        #expect(try RecordEditing.record(from: text, as: .json, original: note) == note)
        let retitled = try RecordEditing.record(from: text.replacingOccurrences(of: "\"bio\": \"A bio.\",\n", with: ""), as: .json, original: note)
        #expect(retitled.bio == nil && retitled.body == note.body)
        #expect(throws: RecordEditing.Failure(description: "the id is “every3”; it cannot be changed here")) {
            try RecordEditing.record(from: text.replacingOccurrences(of: "\"every3\"", with: "\"other\""), as: .json, original: note)
        }
        #expect(throws: RecordEditing.Failure.self) { try RecordEditing.record(from: "{\"id\": ", as: .json, original: note) }
    }

    @Test func aBrokenEntryIsAnErrorWithItsLineMarkedAtTheTop() throws {
        let paper = Record(id: "x", kind: .paper, title: "T")
        let broken = "@article{x,\n  title = {Open,\n  year = {2020}\n}\n"
        let failure = try #require(throws: RecordEditing.Failure.self) { try RecordEditing.record(from: broken, as: .bibtex, original: paper) }
        #expect(failure.description.hasPrefix("line 1: entry x is not closed"))
        let marked = RecordEditing.text(broken, markedWith: failure, as: .bibtex)
        #expect(marked.hasPrefix("% ostrom: line 1: entry x is not closed"))
        #expect(marked.hasSuffix(broken))
        // Marked again: the earlier marks are replaced, not piled up.
        let again = RecordEditing.text(marked, markedWith: RecordEditing.Failure(description: "other"), as: .bibtex)
        #expect(again == "% ostrom: other\n% ostrom: fix it and save, or save it unchanged to leave the record as it was\n" + broken)
        #expect(throws: RecordEditing.Failure(description: "2 entries; one record is one entry")) {
            try RecordEditing.record(from: "@misc{a, title={A}}\n@misc{b, title={B}}\n", as: .bibtex, original: paper)
        }
    }
}
