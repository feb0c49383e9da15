import Foundation
import Testing

/// `ostrom annotate` from many processes at once, and killed mid-save:
/// nothing is lost, and the file is always the old or the new one whole.
@Suite struct AnnotationSavingTests {
    private func start(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = OstromBinary.url
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func records(in folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("ostrom/annotations.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["records"] as? [String: Any])
    }

    /// Another instance holding the lock is waited for with a message, and
    /// the save goes through once it lets go (it waited silently before).
    @Test func aHeldLockIsWaitedForWithAMessage() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stateFolder = folder.appendingPathComponent("ostrom")
        try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let holder = open(stateFolder.appendingPathComponent("annotations.json.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        let process = Process()
        process.executableURL = OstromBinary.url
        process.arguments = ["annotate", "nef2014", "--star"]
        process.environment = OstromBinary.environment(state: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = Data()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !String(decoding: said, as: UTF8.self).contains("waiting for another ostrom") {
            said += errors.fileHandleForReading.availableData
        }
        #expect(String(decoding: said, as: UTF8.self).contains("waiting for another ostrom to finish saving (\(stateFolder.path)/annotations.json.lock)…"))
        flock(holder, LOCK_UN)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect((try records(in: folder)["nef2014"] as? [String: Any])?["starred"] as? Bool == true)
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

    @Test func eightInstancesSavingAtOnceLoseNothing() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = OstromBinary.environment(state: folder)
        let processes = try (1...8).map { try start(["annotate", "tuurnas2016", "--tag", "t\($0)"], environment: environment) }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let tuurnas = try #require(try records(in: folder)["tuurnas2016"] as? [String: Any])
        #expect(Set(tuurnas["tags"] as? [String] ?? []) == Set((1...8).map { "t\($0)" }))
    }

    @Test func killedMidSaveLeavesTheOldOrTheNewFile() throws {
        let folder = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A big file, so that a save takes long enough to be interrupted.
        let stateFolder = folder.appendingPathComponent("ostrom")
        try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let many = (0..<30_000).map { "\"r\($0)\": {\"tags\": [\"filler\"], \"note\": \"\(String(repeating: "n", count: 60))\"}" }
        try Data("{\"version\": 1, \"records\": {\(many.joined(separator: ",\n"))}}".utf8)
            .write(to: stateFolder.appendingPathComponent("annotations.json"))
        let environment = OstromBinary.environment(state: folder)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<30 {
            let process = try start(["annotate", "tuurnas2016", "--tag", "k\(round)"], environment: environment)
            usleep(UInt32.random(in: 5_000...120_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let records = try records(in: folder)
            #expect(records.count >= 30_000, "round \(round): the file lost records")
        }
        #expect(killed > 0, "no save was interrupted; the test proved nothing")
        // The next save clears what the killed ones left.
        #expect(try OstromBinary.run(["annotate", "tuurnas2016", "--tag", "last"], environment: environment).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: stateFolder.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }
}
