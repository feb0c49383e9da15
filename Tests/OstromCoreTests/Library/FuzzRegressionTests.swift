import Foundation
import Testing
@testable import OstromCore

/// What fuzzing found stays fixed: every input kept in
/// `Tests/FuzzRegressions/TARGET/` goes through its target again (and the
/// fixtures through every target), and each returns.
@Suite struct FuzzRegressionTests {
    static let regressions = TestFiles.repositoryRoot.appendingPathComponent("Tests/FuzzRegressions")

    private func files(under folder: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().map(folder.appendingPathComponent)
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    @Test func everyFoundInputReturns() throws {
        for target in FuzzTargets.names {
            for file in try files(under: Self.regressions.appendingPathComponent(target)) {
                #expect(FuzzTargets.run(target, try Data(contentsOf: file)), "\(target): \(file.lastPathComponent)")
            }
        }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: Self.regressions.path)) ?? []
        // config is the config file's parser, replayed by ConfigTests.
        #expect(Set(folders).isSubset(of: FuzzTargets.names + ["config"]), "a folder of Tests/FuzzRegressions names no target")
    }

    @Test func theFixturesGoThroughEveryTarget() throws {
        let fixtures = try files(under: TestFiles.fixtures)
        #expect(fixtures.count > 10)
        for target in FuzzTargets.names {
            for file in fixtures { #expect(FuzzTargets.run(target, try Data(contentsOf: file))) }
        }
        #expect(!FuzzTargets.run("no-such-target", Data()))
    }
}
