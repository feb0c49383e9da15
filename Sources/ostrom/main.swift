import ArgumentParser
import Foundation
import OstromCore

// Exit codes: 0 ok, 1 nothing found, 2 bad usage or unreadable input.
// ArgumentParser's own usage errors exit 64; they are mapped to 2 here.
// A closed standard descriptor would be taken by the next file opened
// (a library read, a state file written): stdin and stderr get /dev/null,
// and a closed stdout is an error at once.
for descriptor in [STDIN_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 {
    let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
    if null >= 0 && null != descriptor { dup2(null, descriptor); close(null) }
}
if fcntl(STDOUT_FILENO, F_GETFD) < 0 {
    Console.error("cannot write the output: standard output is closed")
    exit(2)
}

FreedMemory.keepLargeBlocksApart()

// The arguments as the system gave them: a file name that is not UTF-8
// still names its file (RawPath).
let arguments = (1..<Int(CommandLine.argc)).compactMap { CommandLine.unsafeArgv[$0].map { RawPath.string(cString: $0) } }

let code: Int32
do {
    // The starts typed most often, `ostrom`, `ostrom FILE…` on a terminal and
    // `ostrom page FILE`, skip the command-line parser, which reads every
    // command's options before it runs one: a few milliseconds the first
    // screen would wait for.
    if arguments.isEmpty && BrowseCommand.isInteractive {
        try BrowserSession.runLibrary()
    } else if arguments.count == 2 && arguments[0] == "page" && !arguments[1].hasPrefix("-") {
        try PageCommand.page(arguments[1])
    } else if BrowseCommand.opensFilesAsTheyAre(arguments) {
        try BrowseCommand.browse(LibraryOptions(paths: arguments))
    } else {
        var command = try OstromCommand.parseAsRoot(arguments)
        try command.run()
    }
    code = 0
} catch let failure as CommandFailure {
    if let message = failure.message { Console.error(message) }
    code = failure.code
} catch {
    let exitCode = OstromCommand.exitCode(for: error)
    let message = OstromCommand.fullMessage(for: error)
    if exitCode == .success {
        Console.print(message)
    } else {
        Console.error(message)
    }
    code = exitCode == .success ? 0 : exitCode == .validationFailure || exitCode.rawValue == 64 ? 2 : exitCode.rawValue
}
// Closing the library folds its write-ahead log back into the file and
// removes it; left open, the log stayed beside it and grew, and every
// later start read it through again.
UserLibrary.close()
exit(code)
