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

    @Test func aReadOnlyFolderIsReadAndNeverWritten() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let first = folder.appendingPathComponent("a.bib"), second = folder.appendingPathComponent("c.bib")
        try Data(paper.utf8).write(to: first)
        try Data(another.utf8).write(to: second)
        #expect(try OstromBinary.run(["import", first.path], environment: environment).status == 0)
        let data = PrivateMounts.quoted(folder.appendingPathComponent("data").path)
        let outputs = try PrivateMounts.run(after: "mount --bind -o ro \(data) \(data)",
                                            [["list"], ["import", second.path], ["annotate", "a1", "--star"]], environment: environment)
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
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.bib")
        try Data(paper.utf8).write(to: file)
        #expect(try OstromBinary.run(["import", file.path], environment: OstromBinary.environment(state: folder)).status == 0)
        let data = PrivateMounts.quoted(folder.appendingPathComponent("data").path)
        let command = "unshare \(PrivateMounts.unshareOptions.joined(separator: " ")) sh -c " + PrivateMounts.quoted("mount --bind -o ro \(data) \(data) && " + appThenReport())
        let session = try TmuxSession(command: command, environment: OstromBinary.sessionEnvironment(state: folder))
        try session.waitFor("the list") { $0.contains("Papers 1/") }
        try session.send("m")
        try session.waitFor("the star not saved") { $0.contains("not saved:") && $0.contains("readonly database") }
        try session.send("j")
        try session.waitFor("the browser going on") { $0.contains("Papers 2/") }
        try session.quitExpectingSuccess()
    }

    @Test func aReadOnlyFolderWithoutALibraryShowsTheBuiltInRecordsAndSaysWhy() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let file = folder.appendingPathComponent("a.bib")
        try Data(paper.utf8).write(to: file)
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let outputs = try PrivateMounts.run(after: "mount --bind -o ro \(PrivateMounts.quoted(data.path)) \(PrivateMounts.quoted(data.path))",
                                            [["list"], ["import", file.path]], environment: environment)
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
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let small = folder.appendingPathComponent("a.bib"), big = folder.appendingPathComponent("big.bib")
        try Data(paper.utf8).write(to: small)
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 2_000, seed: 3)).utf8).write(to: big)
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let outputs = try PrivateMounts.run(after: "mount -t tmpfs -o size=1m tmpfs \(PrivateMounts.quoted(data.path))",
                                            [["import", small.path], ["import", big.path], ["list"]], environment: environment)
        guard outputs.count == 3 else { return }
        #expect(outputs[0].status == 0, "\(outputs[0])")
        #expect(outputs[1].status == 2
                && outputs[1].stderr == "ostrom: nothing imported: \(OstromBinary.library(state: folder)): database or disk is full\n", "\(outputs[1])")
        // The built-in five and a1, under the table's heading.
        #expect(outputs[2].status == 0 && outputs[2].stdout.split(separator: "\n").count == 7 && outputs[2].stdout.contains("\na1 "),
                "\(outputs[2])")
    }
}
