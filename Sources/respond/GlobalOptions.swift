import ArgumentParser
import FoundationEssentials
import Glibc
import IncidentStore
import Localization
import RunbookKit
import TerminalText

/// Options every subcommand shares: where the runbooks are, where incidents are kept, who is acting, and the
/// language of what is printed.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The runbook directory (default: $RESPOND_RUNBOOKS, else ./runbooks).")
    var runbooks: String?

    @Option(
        name: .long,
        help:
            "Where incidents are kept (default: $RESPOND_HOME, else $XDG_STATE_HOME/respond, else ~/.local/state/respond)."
    )
    var home: String?

    @Option(name: .customLong("as"), help: "Who is acting (default: $RESPOND_ACTOR, else the account's login name).")
    var actor: String?

    @Option(
        name: .long,
        help: "The language of messages: en or zh-TW (default: $RESPOND_LANG, else $LC_ALL, $LC_MESSAGES, $LANG).")
    var lang: String?

    /// Refuses a `--lang` that names no language we speak, in the language of the environment.
    /// Refuses a `RESPOND_WRITER` that is not a writer id (`MachineWriter`) before anything is read or written.
    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw usageError(Self.localizer(lang: nil).tr("cli.lang.unknown", ["value": lang]))
        }
        if let writer = ProcessInfo.processInfo.environment[MachineWriter.environmentKey],
            !MachineWriter.isValid(writer)
        {
            throw usageError(localizer().tr("cli.incident.invalid_writer", ["writer": writer]))
        }
    }

    /// The words everything this process prints is in: `--lang`, else the language of the environment.
    func localizer(environment: [String: String] = ProcessInfo.processInfo.environment) -> Localizer {
        Self.localizer(lang: lang, environment: environment)
    }

    /// The one place the language is chosen: `lang` (a `--lang` value) when it names a language, else
    /// `RESPOND_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`.
    static func localizer(
        lang: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Localizer {
        Localizer(lang.flatMap(Language.init(tag:)) ?? Language.of(environment: environment))
    }

    /// The words of a command line not yet parsed (an unknown command): its `--lang VALUE` or `--lang=VALUE`
    /// before any `--`, else the environment's.
    static func localizer(arguments: [String]) -> Localizer {
        var lang: String?
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let word = arguments[index]
            if word == "--lang", index + 1 < arguments.endIndex {
                lang = arguments[index + 1]
                index += 1
            } else if word.hasPrefix("--lang=") {
                lang = String(word.dropFirst("--lang=".count))
            }
            index += 1
        }
        return localizer(lang: lang)
    }

    /// The runbook directory to use, or an error that says every place that was looked at.
    func runbookDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        // An empty value is no value, as for $RESPOND_HOME and $RESPOND_ACTOR.
        let environmentValue = environment["RESPOND_RUNBOOKS"].flatMap { $0.isEmpty ? nil : $0 }
        let given = runbooks.map { ($0, "--runbooks") } ?? environmentValue.map { ($0, "$RESPOND_RUNBOOKS") }
        if let (directory, source) = given {
            guard isDirectory(directory) else {
                throw CLIError(
                    localizer().tr("cli.runbooks.missing_directory", ["directory": directory, "source": source]))
            }
            return directory
        }
        if isDirectory("runbooks") { return "runbooks" }
        throw CLIError(localizer().tr("cli.runbooks.none_found"))
    }

    /// The incident home directory to use.
    func homeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home, !home.isEmpty { return home }
        if let home = environment["RESPOND_HOME"], !home.isEmpty { return home }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/respond" }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FilePaths.expandingTilde(in: "~")
        return userHome + "/.local/state/respond"
    }

    /// The actor recorded on events this process writes: `--as`, else `$RESPOND_ACTOR`, else the login name of
    /// the account running it. The account is asked, not `$USER`: in a home several accounts share, the record
    /// says which account wrote, whatever environment it was started with.
    func actorName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let actor, !actor.isEmpty { return actor }
        if let actor = environment["RESPOND_ACTOR"], !actor.isEmpty { return actor }
        return Account.loginName ?? "uid-\(getuid())"
    }

    private func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}

/// A command-line failure: printed as one line on stderr, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong and what to do about it, sanitized: it often quotes a journal, a runbook or an argument.
    let description: String
    /// The exit status the command ends with.
    let status: Int32

    init(_ description: String, status: Int32 = EXIT_FAILURE) {
        self.description = sanitize(description)
        self.status = status
    }
}

/// A value the command line cannot take, reported as ArgumentParser reports its own usage errors (the message,
/// then the usage; exit status 64), with the message sanitized because it quotes what was typed.
func usageError(_ message: String) -> ValidationError {
    ValidationError(sanitize(message))
}
