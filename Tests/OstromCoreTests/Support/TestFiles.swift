import Foundation
@testable import OstromCore

/// Files the tests read: the seed documents in `Resources/` and the
/// fixtures next to the tests.
enum TestFiles {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let resources = repositoryRoot.appendingPathComponent("Resources")
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/OstromCoreTests/Fixtures")

    static let seedNames = [
        "000_9fe70f94f643b465.txt", "001_9a3c119019622994.txt", "002_8c060663bd6487cc.txt",
        "003_34389ad0f5bf4231.txt", "004_630f8dd18c1cf820.txt",
    ]

    /// Seed `number` (0–4) as a document.
    static func seed(_ number: Int) throws -> SourceDocument {
        let url = resources.appendingPathComponent(seedNames[number])
        return SourceDocument(path: url.path, bytes: try Data(contentsOf: url))
    }

    static func seedText(_ number: Int) throws -> String {
        try String(contentsOf: resources.appendingPathComponent(seedNames[number]), encoding: .utf8)
    }

    /// A new empty folder of the test's own under `$TMPDIR`; the test removes it.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fixture by its path below `Fixtures/`.
    static func fixture(_ name: String) throws -> SourceDocument {
        let url = fixtures.appendingPathComponent(name)
        return SourceDocument(path: url.path, bytes: try Data(contentsOf: url))
    }

    /// The one record a document gives, through genre recognition.
    static func importOne(_ document: SourceDocument) throws -> Record {
        let result = DocumentRecognizer().importRecords(from: document)
        guard result.records.count == 1, var record = result.records.first else {
            throw TestFailure("expected one record from \(document.path), got \(result.records.count)")
        }
        var records = [record]
        RecordIdentifiers.assign(&records)
        record = records[0]
        return record
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
