import Foundation
import SyntheticLibrary
import Testing
@testable import LibraryStore
import OstromCore

/// `ostrom annotate` and `ostrom import` from many processes at once, and
/// killed at random points: nothing committed is lost, nothing half-written
/// is seen, and another instance's write is waited for with a message.
@Suite struct AnnotationSavingTests {
    private func start(_ arguments: [String], environment: [String: String], errors: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = OstromBinary.url
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    private func store(_ folder: URL) throws -> LibraryStore {
        try LibraryStore(folder: folder.appendingPathComponent("data/ostrom").path, stateFolder: nil)
    }

    private func isWhole(_ store: LibraryStore) throws -> Bool {
        let check = try store.database.prepare("PRAGMA integrity_check")
        return try check.step() && check.text(0) == "ok"
    }

    /// Another instance writing is waited for with a message, and the save
    /// goes through once it is done.
    @Test func aWriteHeldElsewhereIsWaitedForWithAMessage() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = try store(folder)
        try holder.database.execute("BEGIN IMMEDIATE")
        let process = Process()
        process.executableURL = OstromBinary.url
        process.arguments = ["annotate", "nef2014", "--star"]
        process.environment = OstromBinary.environment(state: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !String(decoding: said, as: UTF8.self).contains("waiting for another ostrom") {
            said += errors.fileHandleForReading.availableData
        }
        #expect(String(decoding: said, as: UTF8.self).contains("waiting for another ostrom to finish writing the library…"))
        try holder.database.execute("COMMIT")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try holder.annotations()["nef2014"]?.starred == true)
    }

    @Test func annotateStarsTagsNotesAndShows() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let first = try OstromBinary.run(["annotate", "nef2014", "--star", "--tag", "#care", "--note", "Line 1\nline 2"], environment: environment)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("nef2014  ★  #care\nLine 1\nline 2\nOn the ladder (suggested from the text)\n"))
        let shown = try OstromBinary.run(["annotate", "nef2014", "--untag", "care", "--unstar"], environment: environment)
        #expect(shown.stdout.hasPrefix("nef2014  ·\nLine 1\nline 2\n"))
        let unknown = try OstromBinary.run(["annotate", "nobody1999", "--star"], environment: environment)
        #expect(unknown.status == 1)
        let badTag = try OstromBinary.run(["annotate", "nef2014", "--tag", "two words"], environment: environment)
        #expect(badTag.status != 0)
        #expect(badTag.stderr.contains("is not a tag"))
    }

    /// A command that wrote closes the library as it ends: SQLite folds
    /// the write-ahead log back into the file and removes it, so the next
    /// start has no log to read through.
    @Test func aCommandThatWroteLeavesNoLogBesideTheLibrary() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        for arguments in [["annotate", "nef2014", "--star"], ["annotate", "nef2014", "--tag", "#care"]] {
            #expect(try OstromBinary.run(arguments, environment: environment).status == 0)
            let library = folder.appendingPathComponent("data/ostrom")
            let files = try FileManager.default.contentsOfDirectory(atPath: library.path).sorted()
            #expect(files == ["library.sqlite"])
        }
        #expect(try store(folder).annotations()["nef2014"]?.tags == ["care"])
    }

    @Test func eightInstancesSavingAtOnceLoseNothing() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let errors = (1...8).map { folder.appendingPathComponent("errors\($0)") }
        let processes = try (1...8).map { try start(["annotate", "tuurnas2016", "--tag", "t\($0)"], environment: environment, errors: errors[$0 - 1]) }
        processes.forEach { $0.waitUntilExit() }
        let said = try errors.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus)): \(said)")
        #expect(Set(try store(folder).annotations()["tuurnas2016"]?.tags ?? []) == Set((1...8).map { "t\($0)" }))
    }

    /// `kill -9` at random points of saves: every save that finished is
    /// there, the 20 000 annotations before are too, the file is whole.
    @Test func killedMidSaveLosesNothingSaved() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var filler = Annotations()
        for index in 0..<20_000 { filler.apply(.note("r\(index)", String(repeating: "n", count: 60))) }
        try store(folder).save(&filler)
        let environment = OstromBinary.environment(state: folder)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        var saved: [String] = []
        for round in 0..<20 {
            let process = try start(["annotate", "tuurnas2016", "--tag", "k\(round)"], environment: environment)
            usleep(UInt32.random(in: 5_000...150_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { saved.append("k\(round)") }
            let after = try store(folder)
            #expect(try isWhole(after), "round \(round)")
            let annotations = try after.annotations()
            #expect(annotations.count >= 20_000, "round \(round): annotations were lost")
            #expect(Set(saved).isSubset(of: annotations["tuurnas2016"]?.tags ?? []), "round \(round): a finished save was lost")
        }
        #expect(killed > 0, "no save was interrupted; the test proved nothing")
    }

    /// `kill -9` at random points of an import: the library has all of the
    /// file or none of it, never part, and the next import completes.
    @Test func killedMidImportKeepsAllOrNothing() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("big.bib")
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 5_000)).utf8).write(to: bib)
        let environment = OstromBinary.environment(state: folder)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<12 {
            let process = try start(["import", bib.path], environment: environment)
            usleep(UInt32.random(in: 20_000...600_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let after = try store(folder)
            #expect(try isWhole(after), "round \(round)")
            #expect([0, 5_000].contains(try after.records().count), "round \(round): part of an import was kept")
        }
        #expect(killed > 0, "no import was interrupted; the test proved nothing")
        #expect(try OstromBinary.run(["import", bib.path], environment: environment).status == 0)
        #expect(try store(folder).records().count == 5_000)
    }

    /// A disk that fills up during an import (a file size limit, as
    /// `ulimit -f` sets, with SIGXFSZ ignored so that writes fail as on a
    /// full disk): one line naming the library, exit 2, the library as it
    /// was and whole; the same import goes through once there is room.
    @Test func aFullDiskLeavesTheLibraryAsItWas() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let small = folder.appendingPathComponent("small.bib"), big = folder.appendingPathComponent("big.bib")
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 200, seed: 1)).utf8).write(to: small)
        try Data(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: 4_000, seed: 2)).utf8).write(to: big)
        #expect(try OstromBinary.run(["import", small.path], environment: environment).status == 0)
        let before = try store(folder).records()
        let limited = try OstromBinary.run(["-c", "trap '' XFSZ; ulimit -f 4096; exec \"$0\" import \"$1\"", OstromBinary.url.path, big.path],
                                           executable: URL(fileURLWithPath: "/bin/sh"), environment: environment)
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("ostrom: nothing imported: " + OstromBinary.library(state: folder) + ": "))
        let after = try store(folder)
        #expect(try isWhole(after))
        #expect(try after.records() == before)
        #expect(try OstromBinary.run(["import", big.path], environment: environment).status == 0)
        #expect(try store(folder).records().count > before.count + 3_000)
    }
}
