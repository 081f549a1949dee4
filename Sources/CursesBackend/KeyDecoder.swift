import CNcursesw
import TerminalFrame

/// Turns what `get_wch` reports into a `Key`, or nil for input the guide has no use for.
enum KeyDecoder {
    /// A plain character as `get_wch` returns it with `OK`.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 0: return .control("@")
        case 1...26: return UnicodeScalar(code + 96).map { .control(Character($0)) }
        case 28...31: return nil
        case 128..<160: return nil
        default: return UnicodeScalar(code).map { .character(Character($0)) }
        }
    }

    /// A key code as `get_wch` returns it with `KEY_CODE_YES`; `KEY_RESIZE` is handled by the caller.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case respond_key_f(1)...respond_key_f(63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
