import Foundation
import Testing
@testable import OstromCore

/// The generated `EmbeddedResources.swift` must match `Resources/` byte for
/// byte. Run with `OSTROM_UPDATE_EMBEDDED=1` to regenerate it after editing
/// a resource.
@Suite struct EmbeddedResourcesTests {
    static let generatedFile = TestFiles.repositoryRoot.appendingPathComponent("Sources/OstromCore/Generated/EmbeddedResources.swift")
    static let recordsFile = TestFiles.repositoryRoot.appendingPathComponent("Sources/OstromCore/Generated/BuiltInRecords.swift")
    static let modelsFile = TestFiles.repositoryRoot.appendingPathComponent("Sources/OstromCore/Generated/BuiltInModels.swift")

    /// Base64 in lines of 100 characters, indented for a multi-line literal.
    static func base64Lines(_ data: Data, indent: String) -> [String] {
        let base64 = data.base64EncodedString()
        var lines: [String] = []
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 100, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(indent + base64[index..<end])
            index = end
        }
        return lines
    }

    /// The Swift source that keeps the starter corpus as the importers read it.
    static func builtInRecordsSource() -> String {
        ([
            "// Generated from Resources/ by `OSTROM_UPDATE_EMBEDDED=1 swift test --filter EmbeddedResourcesTests`.",
            "// Do not edit: a test fails when this file and what the importers make of Resources/ differ.",
            "",
            "/// The starter corpus as the importers read it, base64-encoded (see `records`).",
            "enum BuiltInRecords {",
            "    static let base64 = \"\"\"",
        ] + base64Lines(Data(BuiltInRecords.bytes(of: Library.importedBuiltIn().records)), indent: "    ")
          + ["    \"\"\"", "}", ""]).joined(separator: "\n")
    }

    /// A generated file must hold `expected`; `OSTROM_UPDATE_EMBEDDED=1`
    /// writes it first.
    static func expectGenerated(_ file: URL, toBe expected: String, because reason: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["OSTROM_UPDATE_EMBEDDED"] == "1" {
            try expected.write(to: file, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(reason): run OSTROM_UPDATE_EMBEDDED=1 swift test --filter EmbeddedResourcesTests",
                sourceLocation: sourceLocation)
    }

    /// The ladder model and the placement lexicon as their JSON in
    /// `Resources/` decodes, written as Swift.
    static func builtInModelsSource() throws -> String {
        let decoder = JSONDecoder()
        let ladder = try decoder.decode(LadderModel.self, from: Data(contentsOf: TestFiles.resources.appendingPathComponent("ladder.json")))
        let lexicon = try decoder.decode(PlacementLexicon.self,
                                         from: Data(contentsOf: TestFiles.resources.appendingPathComponent("placement-lexicon.json")))
        return [
            "// Generated from Resources/ by `OSTROM_UPDATE_EMBEDDED=1 swift test --filter EmbeddedResourcesTests`.",
            "// Do not edit: a test fails when this file and what Resources/ decodes to differ.",
            "",
            "/// `Resources/ladder.json` and `Resources/placement-lexicon.json` as Swift:",
            "/// decoding their JSON took Foundation's decoder a millisecond each at start.",
            "enum BuiltInModels {",
            "    static let ladder = " + SwiftLiteral.source(of: ladder, indent: "    "),
            "",
            "    static let lexicon = " + SwiftLiteral.source(of: lexicon, indent: "    "),
            "}",
            "",
        ].joined(separator: "\n")
    }

    /// The compiled models are what the JSON says, field for field.
    @Test func builtInModelsAreTheResourcesJSON() throws {
        try Self.expectGenerated(Self.modelsFile, toBe: Self.builtInModelsSource(), because: "Resources/ changed")
        let decoder = JSONDecoder()
        let ladder = try decoder.decode(LadderModel.self, from: EmbeddedResources.data(named: "ladder.json"))
        let lexicon = try decoder.decode(PlacementLexicon.self, from: EmbeddedResources.data(named: "placement-lexicon.json"))
        #expect(LadderModel.builtIn() == ladder)
        #expect(PlacementLexicon.builtIn() == lexicon)
    }

    /// The Swift source that embeds every file of `Resources/`.
    static func generatedSource() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestFiles.resources.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        var lines = [
            "// Generated from Resources/ by `OSTROM_UPDATE_EMBEDDED=1 swift test --filter EmbeddedResourcesTests`.",
            "// Do not edit: a test fails when this file and Resources/ differ.",
            "",
            "/// The files of `Resources/`, base64-encoded.",
            "public enum EmbeddedResources {",
            "    static let files: [(name: String, base64: String)] = [",
        ]
        for name in names {
            lines.append("        (\"\(name)\", \"\"\"")
            lines += base64Lines(try Data(contentsOf: TestFiles.resources.appendingPathComponent(name)), indent: "        ")
            lines.append("        \"\"\"),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    @Test func generatedFileMatchesResources() throws {
        try Self.expectGenerated(Self.generatedFile, toBe: Self.generatedSource(), because: "Resources/ changed")
    }

    /// The kept records are what the importers make of the seeds today,
    /// whole: every field, and no warning left behind.
    @Test func builtInRecordsAreWhatTheImportersRead() throws {
        try Self.expectGenerated(Self.recordsFile, toBe: Self.builtInRecordsSource(), because: "the importers read Resources/ differently")
        let imported = Library.importedBuiltIn()
        #expect(imported.diagnostics.isEmpty)
        #expect(imported.records.count == 5)
        #expect(Library.builtIn().records == imported.records)
    }

    @Test func compiledBytesEqualTheFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestFiles.resources.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(EmbeddedResources.names == names)
        for name in names {
            #expect(EmbeddedResources.data(named: name) == (try Data(contentsOf: TestFiles.resources.appendingPathComponent(name))), "\(name) drifted")
        }
    }

    @Test func seedsInResourcesAreTheSharedSeedsVerbatim() throws {
        let shared = TestFiles.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        for name in TestFiles.seedNames {
            #expect(try Data(contentsOf: shared.appendingPathComponent(name)) == Data(contentsOf: TestFiles.resources.appendingPathComponent(name)))
        }
    }
}
