import Foundation
import Testing
import BrowserUI
import NcursesTerminal
import OstromCore
import TerminalCanvas

/// Golden frames: a rendered grid as text (rows between `|…|`, then the
/// role codes, then with a theme how each role on it is drawn) compared
/// with a file in `Golden/`. `OSTROM_RECORD_GOLDEN=1` rewrites the files;
/// a missing file fails.
enum GoldenFrames {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ grid: CellGrid, named name: String, theme: Theme? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = grid.snapshot() + (theme.map { legend(of: grid, in: $0) } ?? "")
        if ProcessInfo.processInfo.environment["OSTROM_RECORD_GOLDEN"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden frame \(name).txt; record it with OSTROM_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "frame \(name) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }

    /// Each role the frame shows, with its code, its name in the config
    /// file and its style in the theme: `T tab-active  16 on 214 bold`.
    private static func legend(of grid: CellGrid, in theme: Theme) -> String {
        let shown = Set(grid.cells.map(\.role))
        return "\n" + StyleRole.allCases.filter(shown.contains).map { role in
            "\(role.code) \(role.configName.padding(toLength: 20, withPad: " ", startingAt: 0)) \(theme.style(for: role))\n"
        }.joined()
    }
}

/// The built-in corpus in a browser state of a given size, at a fixed time.
enum Fixture {
    static let now = LocalDateTime(date: PartialDate(year: 2026, month: 11, day: 22), hour: 12, minute: 0)

    /// Every record already placed on the ladder (which the browser does on
    /// another thread; `PlacingTests` checks that).
    static func state(width: Int, height: Int) throws -> AppState {
        let state = AppState(records: Library.builtIn().records, ladder: LadderModel.builtIn(), now: now, size: (width, height))
        state.placements.analyseAll()
        return state
    }

    /// The state after keys, rendered.
    static func frame(width: Int, height: Int, keys: [KeyPress]) throws -> (AppState, CellGrid) {
        var state = try state(width: width, height: height)
        for key in keys { state.handle(key) }
        return (state, FrameComposer.compose(state))
    }
}
