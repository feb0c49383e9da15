import CNcurses
import Foundation
import TerminalCanvas

/// The terminal backend on ncursesw: sets the terminal up (UTF-8 locale,
/// keys, mouse, colours), writes only the cells that changed, decodes keys,
/// suspends on Ctrl-Z, and always gives the terminal back as it found it.
public final class NcursesTerminal: TerminalBackend {
    public enum SetupError: Error, CustomStringConvertible {
        case noTerminalType
        case dumbTerminal
        case unknownTerminalType(String)

        public var description: String {
            switch self {
            case .noTerminalType: return "TERM is not set, so the terminal type is unknown; set TERM (e.g. xterm-256color)"
            case .dumbTerminal: return "TERM=dumb cannot show the browser; use a full terminal, or a subcommand such as `ostrom list`"
            case .unknownTerminalType(let name): return "unknown terminal type “\(name)” (TERM); try TERM=xterm-256color"
            }
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var theme: Theme
    private var previous: CellGrid?
    private let hyperlinks: Bool
    private var closed = false
    private var pairs: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
    /// Set when stdin's terminal went away (SIGHUP or a closed pty).
    public private(set) var inputGone = false

    /// Takes over the terminal. Call `close()` on every way out.
    /// `palette` and `overrides` are the config file's colours.
    public static func open(environment: [String: String], palette: Theme.Palette = .dark,
                            overrides: [StyleRole: Theme.Style] = [:]) throws(SetupError) -> NcursesTerminal {
        ostrom_unblock_signals()
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerminalType }
        guard term != "dumb" else { throw .dumbTerminal }
        useUTF8Locale()
        ostrom_save_terminal_state()
        // Ours first: ncurses then leaves SIGINT, SIGTERM and SIGTSTP alone.
        ostrom_install_signal_handlers()
        set_escdelay(25)
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else {
            throw .unknownTerminalType(term)
        }
        set_term(screen)
        ostrom_install_crash_handler()
        guard let window = ostrom_stdscr() else { throw .unknownTerminalType(term) }
        return NcursesTerminal(screen: screen, window: window, environment: environment, palette: palette, overrides: overrides)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, environment: [String: String],
                 palette: Theme.Palette, overrides: [StyleRole: Theme.Style]) {
        self.screen = screen
        self.window = window
        hyperlinks = HyperlinkOutput.wanted(environment: environment)
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        Self.defineCommonKeys()
        curs_set(0)
        mousemask(ostrom_mouse_mask(), nil)
        mouseinterval(0)
        let hasColors = has_colors()
        if hasColors && environment["NO_COLOR"].map({ $0.isEmpty }) ?? true {
            start_color()
            use_default_colors()
        }
        theme = Theme(depth: Theme.depth(colors: Int(ostrom_colors()), hasColors: hasColors, environment: environment),
                      palette: palette, overrides: overrides)
        preparePairs()
    }

    /// A UTF-8 locale: the user's, or C.UTF-8 when theirs is not UTF-8
    /// (bare environments give "C", where every non-ASCII byte is garbage).
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        // Not Foundation's replacingOccurrences: its first use costs 0.5 ms.
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" }
        if codeset != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// Another built-in theme (`:theme`), the config file's colours kept;
    /// the next frame is drawn whole in it.
    public func use(_ palette: Theme.Palette) {
        theme = Theme(depth: theme.depth, palette: palette, overrides: theme.overrides)
        preparePairs()
        clearok(window, true)
    }

    private func preparePairs() {
        var next: Int16 = 1
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            var attributes = ostrom_a_normal()
            if style.attributes.contains(.bold) { attributes |= ostrom_a_bold() }
            if style.attributes.contains(.reverse) { attributes |= ostrom_a_reverse() }
            if style.attributes.contains(.underline) { attributes |= ostrom_a_underline() }
            if style.attributes.contains(.dim) { attributes |= ostrom_a_dim() }
            var pair: Int16 = 0
            if style.foreground != .terminal || style.background != .terminal {
                // Extended pairs take direct colours' packed numbers.
                init_extended_pair(Int32(next), style.foreground.terminalNumber, style.background.terminalNumber)
                pair = next
                next += 1
            }
            pairs[role] = (attributes, pair)
        }
    }

    // MARK: - TerminalBackend

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func present(_ grid: CellGrid) {
        let runs = FrameDiff.runs(from: previous, to: grid)
        for run in runs {
            wmove(window, Int32(run.y), Int32(run.x))
            var index = 0
            while index < run.cells.count {
                let role = run.cells[index].role
                var text = ""
                while index < run.cells.count && run.cells[index].role == role {
                    text += run.cells[index].text
                    index += 1
                }
                let style = pairs[role] ?? (ostrom_a_normal(), 0)
                ostrom_attr_set(window, style.attributes, style.pair)
                waddstr(window, text)
            }
        }
        wrefresh(window)
        // Links again whenever anything was drawn: ncurses may have
        // rewritten their cells without them.
        if hyperlinks, !grid.links.isEmpty, !runs.isEmpty || grid.links != previous?.links {
            writeToTerminal(HyperlinkOutput.bytes(for: grid))
        }
        previous = grid
    }

    /// OSC 52: the terminal puts the text on the system clipboard, over
    /// ssh and through tmux (`set-clipboard on`) too. Only base64 is
    /// written between the sequence's own bytes. ncurses has flushed by
    /// now (`wrefresh`), so nothing is interleaved.
    public func copyToClipboard(_ text: String) {
        writeToTerminal(Array(("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}").utf8))
    }

    /// Bytes straight to the terminal, after ncurses has flushed its own.
    private func writeToTerminal(_ sequence: [UInt8]) {
        var written = 0
        while written < sequence.count {
            let count = sequence[written...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            written += count
        }
    }

    /// The sequences terminals send for Home, End, Page Up/Down and
    /// Delete whatever their terminfo entry says (tmux sends `ESC [ 4 ~` for
    /// End under TERM=xterm-256color, whose entry has `ESC O F`): each is
    /// taught to ncurses, so none arrives as Escape and stray characters.
    private static func defineCommonKeys() {
        let keys: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC),
        ]
        for (sequence, key) in keys where key_defined(sequence) != key { define_key(sequence, key) }
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyPress? {
        if ostrom_take_suspend_request() != 0 { return suspend() }
        wtimeout(window, Int32(timeoutMilliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == OK { return KeyDecoding.character(UInt32(code)) }
        if status == ostrom_key_code_yes() {
            if Int32(code) == KEY_MOUSE { return mouseEvent() }
            return KeyDecoding.functionKey(Int32(code))
        }
        if ostrom_input_hung_up() != 0 { inputGone = true }
        return nil
    }

    /// Whether the app should end now: a SIGINT, SIGTERM or SIGHUP came,
    /// or the terminal is gone.
    public var shouldStop: Bool { ostrom_exit_signal() != 0 || inputGone }

    /// Forgets a SIGINT that cancelled work instead of ending the app.
    public func clearExitSignal() { ostrom_clear_exit_signal() }

    /// The signal that ended the app, if one did.
    public var exitSignal: Int32? {
        let signal = ostrom_exit_signal()
        return signal == 0 ? nil : signal
    }

    private func mouseEvent() -> KeyPress? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if ostrom_is_wheel_up(event.bstate) != 0 { kind = .wheelUp }
        else if ostrom_is_wheel_down(event.bstate) != 0 { kind = .wheelDown }
        else if ostrom_is_press(event.bstate) != 0 { kind = .press }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
    }

    /// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and
    /// redraw everything (reported as a resize, as the size may differ).
    /// Gives the terminal to another program (an editor) while `body`
    /// runs, then takes it back and redraws everything.
    public func runOutside(_ body: () -> Void) {
        endwin()
        body()
        wrefresh(window)
        keypad(window, true)
        clearok(window, true)
        previous = nil
    }

    private func suspend() -> KeyPress {
        endwin()
        ostrom_stop_self()
        wrefresh(window)
        keypad(window, true)
        clearok(window, true)
        previous = nil
        return .resize
    }

    /// Gives the terminal back: modes, cursor, screen. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
        delscreen(screen)
        ostrom_restore_terminal_state()
    }
}
