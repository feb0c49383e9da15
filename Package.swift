// swift-tools-version: 6.0
import PackageDescription

/// The system's C libraries, linked from their shared objects; from their
/// static archives instead when `OSTROM_STATIC_C_LIBRARIES=1`, as
/// `Scripts/install` builds ostrom: each shared object costs every start
/// its loading and its symbols' binding, about a millisecond for the five.
func systemLibraries(_ names: [String], statically staticNames: [String]) -> [LinkerSetting] {
    guard Context.environment["OSTROM_STATIC_C_LIBRARIES"] == "1" else { return names.map { .linkedLibrary($0) } }
    return [.unsafeFlags(staticNames.flatMap { ["-Xlinker", "-l:lib\($0).a"] })]
}

let package = Package(
    name: "ostrom",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ostrom", targets: ["ostrom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Snowball's stemmers (Debian libstemmer-dev), for the search's word forms.
        .target(name: "CStemmer", linkerSettings: systemLibraries(["stemmer"], statically: ["stemmer"])),
        // Records, importers, ladder model, text, search; no terminal.
        // Zstandard (Debian libzstd-dev), for long texts kept compressed.
        .target(name: "CZstd", linkerSettings: systemLibraries(["zstd"], statically: ["zstd"])),
        // Large files mapped for reading, kept safe from being cut short meanwhile.
        .target(name: "CMappedFiles"),
        .target(name: "OstromCore", dependencies: ["CStemmer", "CZstd", "CMappedFiles"]),
        // Pure Swift drawing surface: cells, grids, keys, the backend protocol.
        .target(name: "TerminalCanvas", dependencies: ["OstromCore"]),
        // Screens, state, actions: never imports ncurses.
        .target(name: "BrowserUI", dependencies: ["OstromCore", "TerminalCanvas"]),
        // The few ncursesw calls and macros Swift cannot import directly.
        .target(name: "CNcurses", linkerSettings: systemLibraries(["ncursesw"], statically: ["ncursesw", "tinfo"])),
        .target(name: "NcursesTerminal", dependencies: ["CNcurses", "TerminalCanvas"]),
        // The system SQLite (Debian libsqlite3-dev), for the user library.
        .target(name: "CSQLite", linkerSettings: systemLibraries(["sqlite3"], statically: ["sqlite3"])),
        // The user library and state in one SQLite database.
        .target(name: "LibraryStore", dependencies: ["OstromCore", "CSQLite"]),
        // The config file: keys, colours, layout, read with TOMLKit.
        .target(name: "Configuration", dependencies: [
            "BrowserUI", "TerminalCanvas", "NcursesTerminal", "OstromCore", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(
            name: "ostrom",
            dependencies: [
                "OstromCore", "BrowserUI", "NcursesTerminal", "LibraryStore", "Configuration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Drives a program in a private tmux server (end-to-end tests, the pager benchmark).
        .target(name: "TmuxHarness", dependencies: ["OstromCore"]),
        // A deterministic generated library, for tests and benchmarks.
        .target(name: "SyntheticLibrary", dependencies: ["OstromCore"]),
        // A pseudo-terminal to start a program on (the start-up benchmark).
        .target(name: "CPseudoTerminal"),
        // Benchmarks: `swift run -c release ostrom-bench frame|search`.
        .executableTarget(
            name: "ostrom-bench",
            dependencies: [
                "OstromCore", "BrowserUI", "TerminalCanvas", "SyntheticLibrary", "TmuxHarness", "LibraryStore", "CPseudoTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OstromCoreTests", dependencies: ["OstromCore", "SyntheticLibrary"], exclude: ["Fixtures"]),
        .testTarget(name: "LibraryStoreTests", dependencies: ["LibraryStore", "OstromCore", "SyntheticLibrary"]),
        .testTarget(name: "TerminalCanvasTests", dependencies: ["TerminalCanvas"]),
        .testTarget(name: "BrowserUITests", dependencies: ["BrowserUI", "OstromCore", "TerminalCanvas", "SyntheticLibrary", "Configuration", "NcursesTerminal"], exclude: ["Golden"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "TerminalCanvas", "CNcurses", "OstromCore"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "BrowserUI", "NcursesTerminal", "OstromCore", "TerminalCanvas"]),
        .testTarget(name: "ostromTests", dependencies: ["TmuxHarness", "SyntheticLibrary", "LibraryStore", "OstromCore"]),
    ],
    swiftLanguageModes: [.v6]
)
