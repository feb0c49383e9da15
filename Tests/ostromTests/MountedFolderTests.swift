import Foundation
import SyntheticLibrary
import Testing
import TmuxHarness

/// The library's folder read-only, or on a disk that fills: every write is
/// refused with one line naming the file, what was there is read and
/// stays whole, and nothing is half written.
@Suite struct MountedFolderTests {
    private let paper = "@article{a1, title={Time banks and co-production}, author={Smith, Jo}, year={2020}}\n"
    private let another = "@article{c3, title={Facilitating rather than delivering}, author={Ng, Bo}, year={2022}}\n"

    /// A folder of the test's own, holding ostrom's state (its `data`
    /// folder, once made) and these files; the environment that uses it.
    private func folder(with files: [(name: String, text: String)]) throws -> (folder: URL, environment: [String: String], files: [URL]) {
        let folder = try OstromBinary.temporaryFolder()
        let written = try files.map { file in
            let url = folder.appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: url)
            return url
        }
        return (folder, OstromBinary.environment(state: folder), written)
    }

    @Test func aReadOnlyFolderIsReadAndNeverWritten() throws {
        let (folder, environment, files) = try folder(with: [("a.bib", paper), ("c.bib", another)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try OstromBinary.run(["import", files[0].path], environment: environment).status == 0)
        let outputs = try PrivateMounts.run(after: PrivateMounts.readOnly(folder.appendingPathComponent("data").path),
                                            [["list"], ["import", files[1].path], ["annotate", "a1", "--star"]], environment: environment)
        guard outputs.count == 3 else { return }
        let library = OstromBinary.library(state: folder)
        #expect(outputs[0].status == 0 && outputs[0].stdout.contains("Time banks and co-production"), "\(outputs[0])")
        #expect(outputs[1].status == 2 && outputs[1].stderr == "ostrom: nothing imported: \(library): attempt to write a readonly database\n",
                "\(outputs[1])")
        #expect(outputs[2].status == 2 && outputs[2].stderr.contains("not saved: \(library): attempt to write a readonly database"),
                "\(outputs[2])")
        // Writable again: as it was.
        let after = try OstromBinary.run(["list"], environment: environment)
        #expect(after.stdout.contains("Time banks") && !after.stdout.contains("Facilitating rather"))
        #expect(try OstromBinary.run(["list", "--query", "starred:yes"], environment: environment).status == 1)
    }

    /// In the browser a star that cannot be saved says so in the status
    /// row, and the browser goes on.
    @Test func theBrowserSaysAStarCannotBeSaved() throws {
        let (folder, environment, files) = try folder(with: [("a.bib", paper)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try OstromBinary.run(["import", files[0].path], environment: environment).status == 0)
        let mount = PrivateMounts.readOnly(folder.appendingPathComponent("data").path)
        let command = "unshare \(PrivateMounts.unshareOptions.joined(separator: " ")) sh -c " + PrivateMounts.quoted(mount + " && " + appThenReport())
        let session = try TmuxSession(command: command, environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("the list") { $0.contains("Papers 1/") }
        try session.send("m")
        try session.waitFor("the star not saved") { $0.contains("not saved:") && $0.contains("readonly database") }
        try session.send("j")
        try session.waitFor("the browser going on") { $0.contains("Papers 2/") }
        try session.quitExpectingSuccess()
    }

    @Test func aReadOnlyFolderWithoutALibraryShowsTheBuiltInRecordsAndSaysWhy() throws {
        let (folder, environment, files) = try folder(with: [("a.bib", paper)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let outputs = try PrivateMounts.run(after: PrivateMounts.readOnly(data.path), [["list"], ["import", files[0].path]], environment: environment)
        guard outputs.count == 2 else { return }
        let cannot = "ostrom: \(data.path)/ostrom: the folder for the library cannot be made"
        #expect(outputs[0].status == 0 && outputs[0].stdout.contains("tuurnas2016"), "\(outputs[0])")
        #expect(outputs[0].stderr.hasPrefix(cannot) && outputs[0].stderr.hasSuffix("; only the built-in records are shown\n"), "\(outputs[0])")
        #expect(outputs[1].status == 2 && outputs[1].stderr.hasPrefix(cannot), "\(outputs[1])")
    }

    /// A real full disk (a 1 MB tmpfs), beside the file size limit of
    /// `AnnotationSavingTests`: the import that does not fit is refused
    /// whole, the library before it is read as it was.
    @Test func aFullDiskRefusesTheImportWholeAndKeepsTheLibrary() throws {
        let big = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 2_000, seed: 3))
        let (folder, environment, files) = try folder(with: [("a.bib", paper), ("big.bib", big)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let outputs = try PrivateMounts.run(after: "mount -t tmpfs -o size=1m tmpfs \(PrivateMounts.quoted(data.path))",
                                            [["import", files[0].path], ["import", files[1].path], ["list"]], environment: environment)
        guard outputs.count == 3 else { return }
        #expect(outputs[0].status == 0, "\(outputs[0])")
        #expect(outputs[1].status == 2
                && outputs[1].stderr == "ostrom: nothing imported: \(OstromBinary.library(state: folder)): database or disk is full\n", "\(outputs[1])")
        // The built-in five and a1, under the table's heading.
        #expect(outputs[2].status == 0 && outputs[2].stdout.split(separator: "\n").count == 7 && outputs[2].stdout.contains("\na1 "),
                "\(outputs[2])")
    }
}
