import Foundation

/// The shell command that runs the app, then reports its exit code and
/// whether the terminal is back in cooked mode with echo.
func appThenReport(_ arguments: String = "") -> String {
    let binary = OstromBinary.url.path
    return "'\(binary)' \(arguments); echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ' | sed 's/^/MODES: /'; echo; sleep 600"
}
