import Foundation

/// Runs the built `ostrom` executable, as scripts do.
enum OstromBinary {
    /// The executable next to the test bundle in the build products.
    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("ostrom")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return candidates[0].appendingPathComponent("ostrom")
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary (or `executable`) with arguments and, when given, a
    /// whole environment; stdin is empty.
    static func run(_ arguments: [String], executable: URL = url, environment: [String: String]? = nil) throws -> Output {
        // The user's own library and state never leak into a test: each
        // run gets a folder of its own, removed when it ends.
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        var inherited = ProcessInfo.processInfo.environment
        inherited["XDG_DATA_HOME"] = empty.path
        inherited["XDG_STATE_HOME"] = empty.path
        inherited["XDG_CONFIG_HOME"] = empty.path
        var attempt = 0
        while true {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment ?? inherited
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
            } catch let error as NSError where attempt < 100 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                // A binary just written may still be open for writing in a
                // child another test forked, until that child execs.
                attempt += 1
                usleep(10_000)
                continue
            }
            return try output(of: process, out: out, err: err)
        }
    }

    private static func output(of process: Process, out: Pipe, err: Pipe) throws -> Output {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The test's environment with the library (and the user's state in
    /// it) in `folder/data`, and the folder of earlier versions' state
    /// files `folder` (never the user's).
    static func environment(state folder: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for setting in sessionEnvironment(state: folder) {
            let parts = setting.split(separator: "=", maxSplits: 1)
            environment[String(parts[0])] = String(parts[1])
        }
        return environment
    }

    /// The same, as `NAME=value` settings for a tmux session.
    static func sessionEnvironment(state folder: URL) -> [String] {
        ["XDG_DATA_HOME=" + folder.appendingPathComponent("data").path, "XDG_STATE_HOME=" + folder.path,
         "XDG_CONFIG_HOME=" + folder.appendingPathComponent("config").path]
    }

    /// The library a test's binary wrote (`environment(state:)`).
    static func library(state folder: URL) -> String {
        folder.appendingPathComponent("data/ostrom/library.sqlite").path
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An executable shell script in `folder`: a stand-in for a program the
    /// app runs (the editor, xdg-open).
    @discardableResult
    static func script(named name: String, in folder: URL, _ body: String) throws -> URL {
        try executable(named: name, in: folder, Data(("#!/bin/sh\n" + body + "\n").utf8))
    }

    /// An executable file in `folder`, written through a descriptor that is
    /// closed on exec: tests run in parallel, and a process another test
    /// starts while the file is open for writing would keep it so, and
    /// running it would then fail with "Text file busy".
    static func executable(named name: String, in folder: URL, _ contents: Data) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        return url
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
