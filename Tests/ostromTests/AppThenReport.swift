import Foundation
import Testing
import TmuxHarness

/// The shell command that runs the app, then reports its exit code and
/// whether the terminal is back in cooked mode with echo.
func appThenReport(_ arguments: String = "") -> String {
    let binary = OstromBinary.url.path
    return "'\(binary)' \(arguments); echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ' | sed 's/^/MODES: /'; echo; sleep 600"
}

extension TmuxSession {
    /// `Q`, then the exit code `appThenReport` prints must be 0.
    func quitExpectingSuccess(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try send("Q")
        #expect(try waitFor("EXIT=").contains("EXIT=0"), sourceLocation: sourceLocation)
    }
}
