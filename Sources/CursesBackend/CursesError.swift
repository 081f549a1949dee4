/// Why the curses terminal could not be started.
public enum CursesError: Error, CustomStringConvertible {
    /// `newterm` refused the terminal type.
    case cannotStart(term: String)

    /// What went wrong and what to do instead.
    public var description: String {
        switch self {
        case .cannotStart(let term):
            "cannot start the terminal UI on TERM=\(term); set TERM to a type this machine's terminfo knows"
                + " (e.g. xterm-256color) or use the non-interactive commands"
        }
    }
}
