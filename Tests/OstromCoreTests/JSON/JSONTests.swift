import Testing
@testable import OstromCore

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapesEveryControl() {
        let value = JSONValue.object([("b", .string("x\u{1B}[2J\u{9B}\u{202E}\"\\\n")), ("a", .array([.integer(1), .bool(true)]))])
        #expect(value.serialized(pretty: false) == #"{"b":"x\u001B[2J\u009B\u202E\"\\\n","a":[1,true]}"#)
        #expect(value.serialized() == "{\n  \"b\": \"x\\u001B[2J\\u009B\\u202E\\\"\\\\\\n\",\n  \"a\": [\n    1,\n    true\n  ]\n}")
    }

    @Test func builderOmitsAbsentAndEmptyValues() {
        var object = JSONObjectBuilder()
        object.add("empty", "")
        object.add("none", nil as String?)
        object.add("list", [String]())
        object.add("nested", JSONObjectBuilder().value)
        object.add("kept", "yes")
        #expect(object.value.serialized(pretty: false) == #"{"kept":"yes"}"#)
    }
}

@Suite struct RecordJSONTests {
    let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 22), hour: 12, minute: 0)

    @Test func seedRecordsHaveNoEmptyOrNullFields() {
        let json = RecordJSON.value(of: Library.builtIn().records, now: now).serialized()
        #expect(!json.contains("\"\""))
        #expect(!json.contains("null"))
        #expect(!json.contains("[]"))
        #expect(!json.contains("{}"))
    }

    @Test func eventFieldsInSchemaOrder() {
        guard let record = Library.builtIn().record(withID: "loeffler2020") else {
            Issue.record("loeffler2020 missing")
            return
        }
        guard case .object(let members) = RecordJSON.value(of: record, now: now) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.0) == ["id", "kind", "title", "speakers", "date", "year", "abstract", "location", "start", "end",
                                     "status", "published", "source"])
        #expect(members.first { $0.0 == "status" }?.1 == .string("past"))
        #expect(members.first { $0.0 == "year" }?.1 == .integer(2020))
    }
}
