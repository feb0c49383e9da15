import ArgumentParser
import Foundation

// Exit codes: 0 ok, 1 nothing found, 2 bad usage or unreadable input.
// ArgumentParser's own usage errors exit 64; they are mapped to 2 here.
do {
    var command = try OstromCommand.parseAsRoot()
    try command.run()
} catch let failure as CommandFailure {
    if let message = failure.message { Console.error(message) }
    exit(failure.code)
} catch {
    let code = OstromCommand.exitCode(for: error)
    let message = OstromCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    Console.error(message)
    exit(code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue)
}
