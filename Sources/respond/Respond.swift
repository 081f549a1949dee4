import ArgumentParser

/// The `respond` command: with no subcommand it opens the guide on the catalog.
@main
struct Respond: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Guide an on-call responder through an incident, step by step, and keep its timeline.",
        subcommands: [
            ListCommand.self, ShowCommand.self, LintCommand.self, NewCommand.self,
            StartCommand.self, LogCommand.self, IncidentsCommand.self, TimelineCommand.self, ExportCommand.self,
        ]
    )
}
