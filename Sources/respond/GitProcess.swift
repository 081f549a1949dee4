import FoundationEssentials
import RunbookKit

/// Runs `git` in an incidents home the same way every time: never through a shell, with a fixed environment (no
/// pager, no editor, no prompt for a password, messages in the C locale so they can be read) and a time limit, so
/// that a remote that does not answer cannot hang `respond sync` or the guide's background sync. No hook and no
/// file system monitor runs, whatever the home's git configuration says: a sync runs only the programs it chose,
/// even in a home that another member of its group can configure.
struct GitProcess {
    /// What a finished `git` said.
    struct Outcome {
        /// Its exit status.
        var status: Int32
        /// What it wrote on standard output.
        var output: String
        /// What it wrote on standard error, trimmed.
        var errors: String
    }

    /// Why `git` gave no outcome.
    enum Failure: Error {
        /// `git` could not be started.
        case cannotStart(reason: String)
        /// There is no `git` on `PATH`.
        case notInstalled
        /// It ran longer than the time limit and was stopped.
        case timedOut(seconds: Int)
    }

    /// The work tree `git` runs in.
    let directory: String
    /// The longest one `git` may run, in seconds.
    var timeout: Double = 60
    /// The author and committer of the commits it makes.
    var author: String = "respond"

    /// The environment every `git` gets: what it needs to find itself, the user's configuration and an SSH agent,
    /// and nothing that could open a pager, an editor or a prompt.
    func environment(from current: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = current.filter {
            ["PATH", "HOME", "USER", "SSH_AUTH_SOCK", "XDG_CONFIG_HOME"].contains($0.key)
        }
        // `<` and `>` end a name in git's identity line and would make it refuse the commit.
        let name = String(author.filter { $0 != "<" && $0 != ">" && !$0.isNewline })
        environment.merge(
            [
                "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "PAGER": "cat", "GIT_EDITOR": "true",
                "GIT_ASKPASS": "", "SSH_ASKPASS": "", "GIT_SSH_COMMAND": "ssh -o BatchMode=yes",
                "GIT_AUTHOR_NAME": name.isEmpty ? "respond" : name, "GIT_AUTHOR_EMAIL": "",
                "GIT_COMMITTER_NAME": name.isEmpty ? "respond" : name, "GIT_COMMITTER_EMAIL": "",
            ], uniquingKeysWith: { _, fixed in fixed })
        return environment
    }

    /// Runs `git ARGUMENTS` in `directory` and returns what it said; a status other than 0 is an outcome, not a
    /// failure, for the caller to read.
    func run(_ arguments: [String]) throws(Failure) -> Outcome {
        let ran: TimedProcess.Outcome
        do {
            ran = try TimedProcess.run(
                [
                    "git", "-C", directory, "-c", "core.autocrlf=false", "-c", "core.quotepath=false", "-c",
                    "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false",
                ] + arguments, environment: environment(), timeout: timeout)
        } catch {
            switch error {
            case .cannotStart(let reason): throw .cannotStart(reason: reason)
            case .timedOut: throw .timedOut(seconds: Int(timeout))
            }
        }
        // `env` exits 127 when it finds no `git` to run; git itself never does, its hooks being off.
        guard ran.status != 127 else { throw .notInstalled }
        return Outcome(status: ran.status, output: String(decoding: ran.output, as: UTF8.self), errors: ran.errors)
    }
}
