import FoundationEssentials
import Glibc
import Localization

/// The guide's keys after `--alert-json -` has read the payload from standard input: a pipe then, which curses
/// cannot read keys from. The controlling terminal (`/dev/tty`) takes its place, as `less` and `fzf` do.
enum TerminalInput {
    /// Why the guide has no keyboard: the payload came through a pipe and the process has no controlling terminal.
    struct NoTerminal: Error {}

    /// Puts the controlling terminal on standard input when the payload was read from a pipe there; nothing to do
    /// when standard input is a terminal already or the payload came from a file.
    static func takeBack(after options: AlertOptions) throws(NoTerminal) {
        guard options.alertJSON == "-", isatty(STDIN_FILENO) != 1 else { return }
        let terminal = open("/dev/tty", O_RDWR)
        guard terminal >= 0 else { throw NoTerminal() }
        defer { close(terminal) }
        guard dup2(terminal, STDIN_FILENO) >= 0 else { throw NoTerminal() }
    }

    /// `takeBack(after:)`, or an error that says how to start without a terminal on standard input.
    static func takeBack(after options: AlertOptions, _ localizer: Localizer) throws {
        do {
            try takeBack(after: options)
        } catch {
            throw CLIError(localizer.tr("cli.alert.stdin_no_terminal"))
        }
    }
}
