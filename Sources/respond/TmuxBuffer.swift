import FoundationEssentials
import Localization
import RunbookKit
import TerminalText

/// The tmux that the guide runs inside, asked through its own `tmux` client (which finds the server from `$TMUX`):
/// whether it keeps OSC 52 from programs, and loading its paste buffer when it does not.
struct TmuxBuffer {
    /// Why tmux could not be asked or told.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong, for the status line.
        let description: String
    }

    /// The longest a `tmux` client may take: a server that does not answer must not hang the guide.
    static let timeout: Double = 3

    /// The words its failures are said in.
    let localizer: Localizer

    /// Whether tmux's `set-clipboard` is `on`, the one setting with which it keeps OSC 52 sent by a program as a
    /// paste buffer (`external` and `off` drop it).
    func keepsOSC52() throws(Failure) -> Bool {
        try run(["show-options", "-gv", "set-clipboard"], input: Data()).trimmingScalars(in: .whitespacesAndNewlines)
            == "on"
    }

    /// Puts `text` in a new tmux paste buffer, the one `prefix ]` pastes.
    func load(_ text: String) throws(Failure) {
        _ = try run(["load-buffer", "-"], input: Data(text.utf8))
    }

    /// Runs `tmux ARGUMENTS` with `input` on its standard input and returns its standard output; its output never
    /// reaches the screen the guide draws on.
    private func run(_ arguments: [String], input: Data) throws(Failure) -> String {
        let ran: TimedProcess.Outcome
        do {
            ran = try TimedProcess.run(["tmux"] + arguments, input: input, timeout: Self.timeout)
        } catch {
            switch error {
            case .cannotStart(let reason):
                throw Failure(description: localizer.tr("ui.tmux.cannot_run", ["reason": reason]))
            case .timedOut:
                throw Failure(
                    description: localizer.tr(
                        "ui.tmux.no_answer", ["command": arguments[0], "seconds": String(Int(Self.timeout))]))
            }
        }
        guard ran.status == 0 else {
            let exit = ["command": arguments[0], "status": String(ran.status), "message": ran.errors]
            throw Failure(
                description: ran.errors.isEmpty
                    ? localizer.tr("ui.tmux.exited", exit) : localizer.tr("ui.tmux.exited_saying", exit))
        }
        return String(decoding: ran.output, as: UTF8.self)
    }
}
