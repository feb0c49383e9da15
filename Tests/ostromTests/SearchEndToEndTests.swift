import Foundation
import LibraryStore
import Testing
import TmuxHarness

/// Typing a query into the real binary, and the history surviving a restart.
@Suite(.serialized) struct SearchEndToEndTests {
    @Test func typeAQueryKeepItAndRecallItAfterARestart() throws {
        let state = try OstromBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = OstromBinary.sessionEnvironment(state: state)
        let first = try TmuxSession(command: appThenReport(), environment: environment)
        try first.waitFor("Tuurnas et al.")
        try first.send("/")
        try first.send("-l", "coerced")
        // The index is built on another thread: the answer comes once it is.
        try first.waitFor("/coerced, 1/2") { $0.contains("/coerced") && $0.contains("1/2") }
        try first.waitFor("only body2021 listed") { screen in
            let list = screen.split(separator: "\n").dropFirst().prefix(3).joined(separator: "\n")
            return list.contains("Body & Hogg") && !list.contains("Tuurnas et al.")
        }
        try first.send("Enter")
        try first.waitFor("Papers 1/1  /coerced  1/2")
        try first.send("Escape")
        try first.send("Q")
        #expect(try first.waitFor("EXIT=").contains("EXIT=0"))
        let saved = try LibraryStore(folder: state.appendingPathComponent("data/ostrom").path, stateFolder: nil).searchHistory()
        #expect(saved.entries == ["coerced"])

        let second = try TmuxSession(command: appThenReport(), environment: environment)
        try second.waitFor("Tuurnas et al.")
        try second.send("s")
        try second.send("Up")
        try second.waitFor("/coerced")
        try second.send("Enter")
        try second.waitFor("Search 1/1  /coerced  1/5")
        try second.send("Q")
        #expect(try second.waitFor("EXIT=").contains("EXIT=0"))
    }
}
