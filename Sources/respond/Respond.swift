import ArgumentParser
import Foundation

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
            GuideCommand.self, ResumeCommand.self, ReviewCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: GuideCommand.self
    )

    /// Parses and runs the command line after `ArgumentOrder` has put the shared options where the subcommand reads
    /// them; a first word that names no command is a usage error that suggests the closest names.
    static func main() {
        let names = configuration.subcommands.map { $0._commandName }
        switch ArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst()), commands: names) {
        case .parse(let arguments):
            run(arguments)
        case .unknownCommand(let word, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "`respond --help` lists the commands"
                : "did you mean \(suggestions.joined(separator: ", "))?"
            FileHandle.standardError.write(Data("Error: unknown command \"\(oneLine(word))\"; \(hint)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// Parses and runs `arguments` as `main(_:)` does, but an error in a line that does not name `guide` speaks of
    /// `respond`: without a subcommand ArgumentParser parses the line as the default `guide` command, and its usage
    /// would name a command the user never typed.
    private static func run(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let status = exitCode(for: error)
            guard status != .success, !arguments.contains(GuideCommand._commandName) else { exit(withError: error) }
            let message = fullMessage(for: error).replacingOccurrences(of: "respond guide", with: "respond")
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(status.rawValue)
        }
    }
}

/// The version `respond --version` prints.
let respondVersion = "0.9.0"
