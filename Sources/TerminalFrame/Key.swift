/// A key press as the backend reads it, independent of curses.
public enum Key: Hashable, Sendable {
    /// A printable character, including wide ones and pasted text arriving one character at a time.
    case character(Character)
    /// A control key, e.g. `.control("u")` for Ctrl-U.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// A function key by number.
    case function(Int)
}
