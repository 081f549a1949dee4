import ArgumentParser
import FoundationEssentials
import Glibc
import Localization
import RunbookKit

/// The `respond` command: with no subcommand it opens the guide on the catalog.
@main
struct Respond: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Guide an on-call responder through an incident, step by step, and keep its timeline.",
        version: respondVersion,
        subcommands: [
            ListCommand.self, ShowCommand.self, LintCommand.self, NewCommand.self,
            StartCommand.self, LogCommand.self, IncidentsCommand.self, TimelineCommand.self, ExportCommand.self,
            GuideCommand.self, ResumeCommand.self, ReviewCommand.self, ReportCommand.self, FeedbackCommand.self,
            AlertsCommand.self, HomeCommand.self, SyncCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: GuideCommand.self
    )

    /// Parses and runs the command line after `ArgumentOrder` has put the shared options where the subcommand reads
    /// them; a first word that names no command is a usage error that suggests the closest of the listed commands.
    static func main() {
        let names = configuration.subcommands.map { $0._commandName }
        switch ArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst()), commands: names) {
        case .parse(let arguments):
            run(arguments)
        case .unknownCommand(let word):
            let listed = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            let suggestions = closestMatches(to: word, among: listed)
            let localizer = GlobalOptions.localizer(arguments: Array(CommandLine.arguments.dropFirst()))
            let message =
                suggestions.isEmpty
                ? localizer.tr("cli.command.unknown", ["word": oneLine(word)])
                : localizer.tr(
                    "cli.command.unknown_suggest",
                    ["word": oneLine(word), "suggestions": suggestions.joined(separator: ", ")])
            StandardStream.writeError((localizer.tr("cli.error", ["message": message]) + "\n"))
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// Parses and runs `arguments` as `main(_:)` does, with two differences in what an error says. An error in a
    /// line that does not name `guide` speaks of `respond`: without a subcommand ArgumentParser parses the line as
    /// the default `guide` command, and its usage would name a command the user never typed. A usage error found
    /// while the command runs (a value it could not read) shows that command's usage, not the top level's.
    private static func run(_ arguments: [String]) {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) }
            let message = prefixed(spoken(fullMessage(for: error), arguments), arguments)
            StandardStream.writeError((message + "\n"))
            Glibc.exit(status.rawValue)
        }
        do {
            try command.run()
        } catch let error as CLIError {
            fail(error.description, arguments, status: error.status)
        } catch let error as PostmortemFile.NotRecorded {
            fail(error.description(in: GlobalOptions.localizer(arguments: arguments)), arguments)
        } catch let error as OutputFailure {
            fail(error.description(in: GlobalOptions.localizer(arguments: arguments)), arguments)
        } catch let error as ValidationError {
            let name = type(of: command)._commandName
            let message =
                "Error: \(error.message)\nUsage: \(usageString(for: type(of: command)))\n"
                + "  See 'respond \(name) --help' for more information."
            StandardStream.writeError((prefixed(spoken(message, arguments), arguments) + "\n"))
            Glibc.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// Prints a command's failure as ArgumentParser prints an error (one line on stderr, exit status `status`, 1
    /// unless the command says otherwise), with the prefix in the language of the line.
    private static func fail(_ message: String, _ arguments: [String], status: Int32 = EXIT_FAILURE) -> Never {
        let localizer = GlobalOptions.localizer(arguments: arguments)
        StandardStream.writeError((localizer.tr("cli.error", ["message": message]) + "\n"))
        Glibc.exit(status)
    }

    /// ArgumentParser's `Error: ` before a message said in the language of the line, so that every error starts
    /// the same way; the usage lines after it stay as ArgumentParser writes them.
    private static func prefixed(_ message: String, _ arguments: [String]) -> String {
        let english = "Error: "
        guard message.hasPrefix(english) else { return message }
        let localizer = GlobalOptions.localizer(arguments: arguments)
        return localizer.tr("cli.error", ["message": String(message.dropFirst(english.count))])
    }

    /// `message` with `respond guide` said as `respond` when the user did not type `guide`.
    private static func spoken(_ message: String, _ arguments: [String]) -> String {
        arguments.contains(GuideCommand._commandName)
            ? message : message.replacingScalars(of: "respond guide", with: "respond")
    }
}

/// The version `respond --version` prints.
let respondVersion = "0.9.0"
