import CursesBackend
import FoundationEssentials
import Glibc
import Localization

/// Decides, before curses starts, whether this process can show the guide: a terminal on stdin and stdout
/// and a terminal type that terminfo knows. Curses itself would print and exit on its own otherwise.
struct TerminalCheck {
    /// Why the guide cannot run here.
    enum Problem: Error, CustomStringConvertible, Equatable {
        case notATerminal(stream: String)
        case noTerm
        case dumbTerm
        case unknownTerm(String)
        case noTerminfo(String)

        /// One line in English: what is wrong, and the commands that work without a terminal.
        var description: String { description(in: Localizer(.english)) }

        /// What is wrong and the commands that work without a terminal, in the words of `localizer`.
        func description(in localizer: Localizer) -> String {
            let reason =
                switch self {
                case .notATerminal(let stream):
                    stream == TerminalCheck.standardInput
                        ? localizer.tr("cli.terminal.stdin_not_a_terminal")
                        : localizer.tr("cli.terminal.stdout_not_a_terminal")
                case .noTerm: localizer.tr("cli.terminal.no_term")
                case .dumbTerm: localizer.tr("cli.terminal.dumb_term")
                case .unknownTerm(let term): localizer.tr("cli.terminal.unknown_term", ["term": term])
                case .noTerminfo(let term): localizer.tr("cli.terminal.no_terminfo", ["term": term])
                }
            return localizer.tr("cli.terminal.needed", ["reason": reason])
        }
    }

    /// What the guide was given to run on.
    let environment: [String: String]
    let stdinIsTerminal: Bool
    let stdoutIsTerminal: Bool
    let terminfo: (String) -> TerminfoProbe.Status

    /// A check of this process's own environment and file descriptors.
    static func current() -> TerminalCheck {
        TerminalCheck(
            environment: ProcessInfo.processInfo.environment,
            stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            terminfo: { TerminfoProbe.status(of: $0) }
        )
    }

    /// The terminal type to start curses with, or the reason it cannot start.
    func terminalType() throws(Problem) -> String {
        guard stdinIsTerminal else { throw .notATerminal(stream: Self.standardInput) }
        guard stdoutIsTerminal else { throw .notATerminal(stream: Self.standardOutput) }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerm }
        guard term != "dumb" else { throw .dumbTerm }
        switch terminfo(term) {
        case .known: return term
        case .unknown: throw .unknownTerm(term)
        case .noDatabase: throw .noTerminfo(term)
        }
    }

    /// The streams a problem names.
    static let standardInput = "standard input"
    static let standardOutput = "standard output"

    /// Whether the view may use color: `NO_COLOR` set to anything non-empty turns it off.
    var colorEnabled: Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }
}
