import Foundation
import Testing
@testable import OstromCore

/// The generated `EmbeddedResources.swift` must match `Resources/` byte for
/// byte. Run with `OSTROM_UPDATE_EMBEDDED=1` to regenerate it after editing
/// a resource.
@Suite struct EmbeddedResourcesTests {
    static let generatedFile = TestFiles.repositoryRoot.appendingPathComponent("Sources/OstromCore/Generated/EmbeddedResources.swift")

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
            let base64 = try Data(contentsOf: TestFiles.resources.appendingPathComponent(name)).base64EncodedString()
            lines.append("        (\"\(name)\", \"\"\"")
            var index = base64.startIndex
            while index < base64.endIndex {
                let end = base64.index(index, offsetBy: 100, limitedBy: base64.endIndex) ?? base64.endIndex
                lines.append("        " + base64[index..<end])
                index = end
            }
            lines.append("        \"\"\"),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    @Test func generatedFileMatchesResources() throws {
        let expected = try Self.generatedSource()
        if ProcessInfo.processInfo.environment["OSTROM_UPDATE_EMBEDDED"] == "1" {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(actual == expected, "Resources/ changed: run OSTROM_UPDATE_EMBEDDED=1 swift test --filter EmbeddedResourcesTests")
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
