import CNcursesw

/// What terminfo says about a terminal type, asked without letting ncurses print or exit on failure.
public enum TerminfoProbe {
    /// The answer for one terminal type.
    public enum Status: Equatable, Sendable {
        /// Terminfo has a description of the type.
        case known
        /// Terminfo has no description of the type.
        case unknown
        /// No terminfo database could be found at all.
        case noDatabase
    }

    /// Looks the terminal type up for the terminal on file descriptor `fd`.
    public static func status(of term: String, fd: Int32 = 1) -> Status {
        switch respond_terminfo_status(term, fd) {
        case 1: .known
        case -1: .noDatabase
        default: .unknown
        }
    }
}
