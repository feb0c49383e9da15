import CNcurses
import TerminalCanvas

/// Turns what `wget_wch` returns into key presses.
enum KeyDecoding {
    /// A character (status OK): control characters become named keys.
    static func character(_ code: UInt32) -> KeyPress? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96) ?? "?"))
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// A function key (status KEY_CODE_YES); the mouse is read separately.
    static func functionKey(_ code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for number in 1...12 where code == ostrom_key_f(Int32(number)) { return .function(number) }
            return nil
        }
    }
}
