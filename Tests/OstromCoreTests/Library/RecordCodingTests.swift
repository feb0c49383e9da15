import Foundation
import SyntheticLibrary
import Testing
@testable import OstromCore

/// The library database's record bytes give back exactly the record.
@Suite struct RecordCodingTests {
    private func roundTrip(_ record: Record) throws -> Record {
        try RecordCoding.encode(record).withUnsafeBytes { try RecordCoding.decode($0) }
    }

    @Test func everyFieldOfEveryKindComesBack() throws {
        for record in SyntheticLibrary.everyField() { #expect(try roundTrip(record) == record) }
        var bare = Record(id: "bare", kind: .note, title: "")
        bare.citationKey = "bare"
        #expect(try roundTrip(bare) == bare)
    }

    @Test func theSeedsTheFixturesAndAGeneratedLibraryComeBack() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestFiles.fixtures.path).sorted()
        let documents = try files.filter { !$0.hasPrefix(".") }.compactMap { name -> SourceDocument? in
            let url = TestFiles.fixtures.appendingPathComponent(name)
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { return nil }
            return SourceDocument(path: url.path, bytes: try Data(contentsOf: url))
        }
        let records = Library.builtIn().records + Library(documents: documents).records + SyntheticLibrary.records(count: 300)
        #expect(records.count > 300 + documents.count / 2)
        for var record in records {
            record.citationKey = record.id
            #expect(try roundTrip(record) == record, "\(record.id)")
        }
    }

    @Test func cutBytesAnUnknownVersionAndNoKindAreErrors() throws {
        let bytes = RecordCoding.encode(SyntheticLibrary.everyField()[0])
        for length in [1, 2, 10, bytes.count / 2, bytes.count - 1] {
            #expect(throws: RecordCoding.Failure.self, "\(length)") {
                try Array(bytes.prefix(length)).withUnsafeBytes { try RecordCoding.decode($0) }
            }
        }
        #expect(throws: RecordCoding.Failure.self) { try [UInt8]([2] + bytes.dropFirst()).withUnsafeBytes { try RecordCoding.decode($0) } }
        #expect(throws: RecordCoding.Failure.self) { try [UInt8]([]).withUnsafeBytes { try RecordCoding.decode($0) } }
        // A length of 2^64 - 1, and a varint longer than 64 bits.
        let huge: [UInt8] = [1, 1] + [UInt8](repeating: 0xFF, count: 9) + [1]
        #expect(throws: RecordCoding.Failure.self) { try huge.withUnsafeBytes { try RecordCoding.decode($0) } }
        let endless: [UInt8] = [1] + [UInt8](repeating: 0x80, count: 20)
        #expect(throws: RecordCoding.Failure.self) { try endless.withUnsafeBytes { try RecordCoding.decode($0) } }
    }

    /// Found by fuzzing: a date field with a tag past Int's range stopped
    /// the program ("Not enough bits"); such a tag is skipped like any other.
    @Test func aDateFieldWithAHugeTagIsSkipped() throws {
        // id "x", kind "paper", then a date holding year 2020 (tag 1) and a field tagged 2^64 - 1.
        var bytes: [UInt8] = [1, 1, 1, 0x78, 2, 5] + Array("paper".utf8)
        let date: [UInt8] = [1, 2, 0xC8, 0x1F] + [UInt8](repeating: 0xFF, count: 9) + [0x01, 1, 2]
        bytes += [10, UInt8(date.count)] + date
        let record = try bytes.withUnsafeBytes { try RecordCoding.decode($0) }
        #expect(record.id == "x" && record.year == 2020)
    }

    /// A field a newer ostrom adds is skipped, the rest read.
    @Test func anUnknownFieldIsSkipped() throws {
        let record = SyntheticLibrary.everyField()[1]
        let bytes = RecordCoding.encode(record)
        let extra: [UInt8] = [0x7F, 3, 0x61, 0x62, 0x63]
        #expect(try (bytes + extra).withUnsafeBytes { try RecordCoding.decode($0) } == record)
    }
}
