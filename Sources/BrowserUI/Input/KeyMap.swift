import TerminalCanvas

/// Where keys are looked up: each screen's own map first, then the
/// generic one (as tig does).
public enum ScreenKind: Hashable, Sendable {
    case browse, help, pager
}

public struct KeyMap: Sendable {
    public var generic: [KeyPress: Action]
    public var screens: [ScreenKind: [KeyPress: Action]]

    /// less/tig/vi keys.
    public static let standard = KeyMap(
        generic: [
            .character("j"): .moveDown, .down: .moveDown, .character("k"): .moveUp, .up: .moveUp,
            .character(" "): .pageDown, .pageDown: .pageDown, .character("b"): .pageUp, .pageUp: .pageUp,
            .control("d"): .halfPageDown, .control("u"): .halfPageUp,
            .character("g"): .top, .home: .top, .character("G"): .bottom, .end: .bottom,
            .enter: .open, .character("v"): .viewText, .character("q"): .back, .character("Q"): .quit, .character("?"): .help, .character("!"): .showMessages,
            .character("1"): .showPapers, .character("2"): .showEvents, .character("3"): .showTranscripts,
            .character("4"): .showLadder, .character("5"): .showSearch,
            .character("/"): .search, .character("s"): .globalSearch, .character("n"): .nextMatch, .character("N"): .previousMatch,
        ],
        screens: [
            .browse: [
                .tab: .focusNext, .backTab: .focusPrevious,
                .character("y"): .copyCitation, .character("Y"): .copyBibTeX, .character("o"): .openLink,
                .character("m"): .toggleStar, .character("*"): .starredOnly, .character("t"): .editTags,
                .character("e"): .editNote, .character("u"): .undo, .character("p"): .editPlacement, .character("L"): .jumpToLadder,
                .character("D"): .removeRecord, .character("E"): .editRecord, .character("O"): .openAttachment, .character("S"): .cycleSort, .escape: .clearSearch, .character("z"): .toggleDetail, .character(":"): .commandLine,
            ],
            .help: [.escape: .back],
            // less's keys: f and Enter, d/u, </> and p, ? searches backward, h is help.
            .pager: [
                .character("f"): .pageDown, .enter: .moveDown, .character("d"): .halfPageDown, .character("u"): .halfPageUp,
                .character("<"): .top, .character(">"): .bottom, .character("p"): .percent, .character("%"): .percent,
                .character("?"): .searchBackward, .character("h"): .help, .character("w"): .toggleWrap,
                .character("#"): .toggleLineNumbers, .character("m"): .setMark, .character("'"): .jumpToMark,
                .left: .scrollLeft, .right: .scrollRight, .escape: .back,
                .character("]"): .nextSection, .character("["): .previousSection, .character("t"): .tableOfContents,
            ],
        ]
    )

    public func action(for key: KeyPress, in screen: ScreenKind) -> Action? {
        screens[screen]?[key] ?? generic[key]
    }

    /// Keys bound to an action on a screen, the screen's own first, sorted
    /// so that letters come before named keys.
    public func keys(for action: Action, in screen: ScreenKind) -> [KeyPress] {
        let own = (screens[screen] ?? [:]).filter { $0.value == action }.map(\.key)
        let generic = self.generic.filter { $0.value == action && screens[screen]?[$0.key] == nil }.map(\.key)
        return (own + generic).sorted { Self.order($0) < Self.order($1) }
    }

    private static func order(_ key: KeyPress) -> (Int, String) {
        switch key {
        case .character(let character) where character.isLetter || character.isNumber || character == "?": return (0, key.label)
        case .character: return (1, key.label)
        case .control: return (2, key.label)
        default: return (3, key.label)
        }
    }
}
