import ArgumentParser
import Foundation
import TerminalText

/// Options every subcommand shares: where the runbooks are, where incidents are kept, and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The runbook directory (default: $RESPOND_RUNBOOKS, else ./runbooks).")
    var runbooks: String?

    @Option(
        name: .long,
        help:
            "Where incidents are kept (default: $RESPOND_HOME, else $XDG_STATE_HOME/respond, else ~/.local/state/respond)."
    )
    var home: String?

    @Option(name: .customLong("as"), help: "Who is acting (default: $RESPOND_ACTOR, else $USER).")
    var actor: String?

    /// The runbook directory to use, or an error that says every place that was looked at.
    func runbookDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        // An empty value is no value, as for $RESPOND_HOME and $RESPOND_ACTOR.
        let environmentValue = environment["RESPOND_RUNBOOKS"].flatMap { $0.isEmpty ? nil : $0 }
        let given = runbooks.map { ($0, "--runbooks") } ?? environmentValue.map { ($0, "$RESPOND_RUNBOOKS") }
        if let (directory, source) = given {
            guard isDirectory(directory) else {
                throw CLIError("runbook directory \(directory) does not exist (from \(source))")
            }
            return directory
        }
        if isDirectory("runbooks") { return "runbooks" }
        throw CLIError(
            "no runbooks found: looked at --runbooks, $RESPOND_RUNBOOKS and ./runbooks; pass --runbooks DIR"
        )
    }

    /// The incident home directory to use.
    func homeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home, !home.isEmpty { return home }
        if let home = environment["RESPOND_HOME"], !home.isEmpty { return home }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/respond" }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return userHome + "/.local/state/respond"
    }

    /// The actor recorded on events this process writes.
    func actorName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let actor, !actor.isEmpty { return actor }
        if let actor = environment["RESPOND_ACTOR"], !actor.isEmpty { return actor }
        if let user = environment["USER"], !user.isEmpty { return user }
        return "responder"
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

/// A command-line failure: printed as one line on stderr, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong and what to do about it, sanitized: it often quotes a journal, a runbook or an argument.
    let description: String

    init(_ description: String) {
        self.description = sanitize(description)
    }
}

/// A value the command line cannot take, reported as ArgumentParser reports its own usage errors (the message,
/// then the usage; exit status 64), with the message sanitized because it quotes what was typed.
func usageError(_ message: String) -> ValidationError {
    ValidationError(sanitize(message))
}
