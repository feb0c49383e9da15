import Foundation
import SyntheticLibrary
import Testing
@testable import OstromCore

/// The JSON writer on bytes: every character that could move a terminal
/// escaped, every other byte as it was, and an array streamed a part at a
/// time giving the very bytes of the whole.
@Suite struct JSONStreamTests {
    @Test func unsafeCharactersAreEscapedAndTheRestKept() {
        let unsafe = "a\u{0}\u{1B}[2J\u{7F}\u{85}\u{9B}\u{61C}\u{200E}\u{200F}\u{202A}\u{202E}\u{2066}\u{2069}\u{2028}\u{2029}\"\\\n\r\t"
        #expect(JSONValue.string(unsafe).serialized() == #""a\u0000\u001B[2J\u007F\u0085\u009B\u061C\u200E\u200F\u202A\u202E\u2066\u2069\u2028\u2029\"\\\n\r\t""#)
        // Characters with the same lead bytes that are not unsafe are written as they are.
        let safe = "é © « ° Ø \u{600} \u{61D} \u{2027} \u{202F} \u{2070} – — “quoted” 中文 👩🏽‍💻 «ü»"
        #expect(JSONValue.string(safe).serialized() == "\"" + safe + "\"")
        #expect(JSONValue.string("").serialized() == "\"\"")
    }

    /// Plain ASCII is skipped eight bytes at a time: a character to escape
    /// (or a safe one of another script) is found at every place in a run.
    @Test func everyPlaceInARunOfPlainBytesIsLookedAt() {
        let cases: [(String, String)] = [("\u{0}", #"\u0000"#), ("\u{1F}", #"\u001F"#), ("\u{7F}", #"\u007F"#), ("\"", #"\""#),
                                         ("\\", #"\\"#), ("\u{85}", #"\u0085"#), ("\u{202E}", #"\u202E"#), ("\u{2028}", #"\u2028"#),
                                         ("é", "é"), ("中", "中"), (" ", " "), ("~", "~")]
        for (character, written) in cases {
            for lead in 0...17 {
                let before = String(repeating: "a", count: lead), after = String(repeating: "z", count: 17 - lead)
                #expect(JSONValue.string(before + character + after).serialized() == "\"" + before + written + after + "\"", "\(lead)")
            }
        }
    }

    @Test func aStreamedArrayIsTheSameBytesAsTheWhole() throws {
        // More than two rounds of two batches, the last one short.
        let records = Library.builtIn().records + SyntheticLibrary.everyField() + SyntheticLibrary.records(count: 4 * JSONValue.streamBatch + 100)
        let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 28), hour: 12, minute: 0)
        var streamed: [UInt8] = []
        var flushes = 0
        JSONValue.streamArray(count: records.count, limit: 4_096, element: { RecordJSON.value(of: records[$0], now: now) }) { part in
            streamed += part
            flushes += 1
        }
        // Flushed a round at a time, not once at the end.
        #expect(flushes >= 3)
        #expect(String(decoding: streamed, as: UTF8.self) == RecordJSON.value(of: records, now: now).serialized())
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(streamed)) as? [[String: Any]])
        #expect(parsed.count == records.count)
        // Fewer elements than a batch, one more than two batches, and none.
        for count in [1, 2, JSONValue.streamBatch + 1, 2 * JSONValue.streamBatch + 1] {
            var part: [UInt8] = []
            JSONValue.streamArray(count: count, limit: 100, element: { RecordJSON.value(of: records[$0], now: now) }) { part += $0 }
            #expect(String(decoding: part, as: UTF8.self) == RecordJSON.value(of: Array(records.prefix(count)), now: now).serialized())
        }
        // An object whose last member streams: as the object made whole.
        let head: [(String, JSONValue)] = [("name", .string("ladder")), ("stages", .array([.integer(1), .object([("a", .null)])]))]
        for count in [1, JSONValue.streamBatch + 1, 2 * JSONValue.streamBatch + 1] {
            var object: [UInt8] = []
            JSONValue.streamObject(head, then: "records", count: count, limit: 100, element: { RecordJSON.value(of: records[$0], now: now) }) {
                object += $0
            }
            let whole = JSONValue.object(head + [("records", RecordJSON.value(of: Array(records.prefix(count)), now: now))])
            #expect(String(decoding: object, as: UTF8.self) == whole.serialized())
        }
        var empty: [UInt8] = []
        JSONValue.streamArray(count: 0, element: { _ in .null }) { empty += $0 }
        #expect(empty == Array("[]".utf8))
    }
}
