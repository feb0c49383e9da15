import ArgumentParser
import CPseudoTerminal
import Foundation
import OstromCore
import SyntheticLibrary

/// How long a program takes to show its first screen, as a person at a
/// terminal sees it: each program is started on a pseudo-terminal of
/// 100×30 and timed until a word of its first screen is written to it.
/// `ostrom page` and `less` on the same generated text, the browser and
/// `less` on the same generated .bib, and the browser on an empty
/// library; the programs take turns, each run starting with the next.
struct StartBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "First screen of ostrom page, less and the browser, on a pseudo-terminal.")

    @Option(help: "Starts of each program (median, fastest and slowest shown).") var runs = 21
    @Option(help: "Size of the generated text in MB.") var megabytes = 7
    @Option(help: "Entries of the generated .bib.") var entries = 10_000
    @Option(help: "An ostrom binary (repeat to compare builds; by default the one beside this benchmark).") var ostrom: [String] = []

    func validate() throws {
        guard runs > 0, megabytes > 0, entries > 0 else { throw ValidationError("--runs, --megabytes and --entries must be at least 1") }
    }

    func run() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/text.txt"
        _ = try SyntheticLibrary.writeBigText(to: URL(fileURLWithPath: file), megabytes: megabytes, marker: "zyzzyva")
        let bib = folder + "/library.bib"
        let bibText = SyntheticBibTeX.text(of: SyntheticLibrary.records(count: entries))
        try GeneratedFile.write(bibText, to: bib)
        // A word of the .bib's first line, which less shows first.
        let bibWord = bibText.prefix { $0 != "\n" }.split { !$0.isLetter }.first { $0.count >= 4 }.map(String.init) ?? "@"
        let binaries = ostrom.isEmpty
            ? [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ostrom").path] : ostrom
        // Every line of the text has the word; the browser's first frame has its tabs.
        var programs: [(name: String, arguments: [String], marker: String)] = [
            ("less TEXT", ["less", file], "volunteers"), ("less BIB", ["less", bib], bibWord),
        ]
        for (number, binary) in binaries.enumerated() {
            let label = binaries.count == 1 ? "" : " [\(number + 1)]"
            programs += [("ostrom page TEXT" + label, [binary, "page", file], "volunteers"), ("ostrom BIB" + label, [binary, bib], "Papers"),
                         ("ostrom" + label, [binary], "Papers")]
        }
        // Nothing of the user's: an empty library, no config, no history.
        let environment = ["HOME=\(folder)", "XDG_DATA_HOME=\(folder)/data", "XDG_CONFIG_HOME=\(folder)/config",
                           "XDG_STATE_HOME=\(folder)/state", "XDG_CACHE_HOME=\(folder)/cache", "LESSHISTFILE=-",
                           "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"]
        var times = [[Double]](repeating: [], count: programs.count)
        for run in 0..<runs {
            // Each run starts with the next program, so that none always
            // follows the same one (a browser just ended slows the next start).
            for step in 0..<programs.count {
                let index = (run + step) % programs.count
                times[index].append(try PseudoTerminalStart.time(programs[index].arguments, environment: environment, until: programs[index].marker))
            }
        }
        print("TEXT: \(megabytes) MB of text; BIB: \(entries) entries (\(bibText.utf8.count >> 20) MB); ostrom: an empty library")
        print("first screen on a 100×30 pseudo-terminal, \(runs) starts each, taking turns:")
        if binaries.count > 1 {
            for (number, binary) in binaries.enumerated() { print("  [\(number + 1)] \(binary)") }
        }
        print("program                  median   fastest   slowest")
        for (index, program) in programs.enumerated() {
            let sorted = times[index].sorted()
            print(program.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + String(format: "%7.1f ms %7.1f ms %7.1f ms", sorted[sorted.count / 2], sorted[0], sorted[sorted.count - 1]))
        }
    }

    private static func temporaryFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/ostrom-start.XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw ValidationError("cannot make a folder in \(base)") }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// A program started on a new pseudo-terminal, timed until a text appears
/// in what it writes; then sent `Q` (which quits `less`, and the browser
/// without asking), and killed if it has not ended.
enum PseudoTerminalStart {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Milliseconds from starting `arguments` to `marker` written.
    static func time(_ arguments: [String], environment: [String], until marker: String) throws -> Double {
        var name = [CChar](repeating: 0, count: 128)
        let master = ostrom_open_pseudo_terminal(&name, name.count)
        guard master >= 0 else { throw Failure(description: "cannot make a pseudo-terminal: \(String(cString: strerror(errno)))") }
        defer { close(master) }
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        // A session of its own: the terminal opened first becomes its controlling one.
        let status = withCleanSpawnAttributes(flags: ostrom_spawn_setsid_flag()) { posix_spawnp(&pid, arguments[0], &actions, &$0, argv, envp) }
        guard status == 0 else { throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        var written: [UInt8] = []
        let wanted = Array(marker.utf8)
        var elapsed: Double?
        while elapsed == nil, read(master, into: &written, waiting: 10_000) {
            if written.firstRange(of: wanted) != nil {
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            }
        }
        _ = "Q".utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, 1) }
        finish(pid, master: master)
        guard let elapsed else { throw Failure(description: "\(arguments.joined(separator: " ")) never wrote “\(marker)”") }
        return elapsed
    }

    /// Appends what the program wrote; false once it has closed the
    /// terminal or written nothing for `milliseconds`.
    private static func read(_ master: Int32, into written: inout [UInt8], waiting milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        written += buffer[0..<count]
        return true
    }

    /// Waits up to three seconds for the program to end after `Q`
    /// (reading what it writes meanwhile), then kills it.
    private static func finish(_ pid: pid_t, master: Int32) {
        var discarded: [UInt8] = []
        for _ in 0..<30 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return }
            discarded.removeAll(keepingCapacity: true)
            _ = read(master, into: &discarded, waiting: 100)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
