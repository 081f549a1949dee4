import ArgumentParser
import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

/// `respond export ID`: writes the postmortem draft (or the JSON export) next to the incident's journal, or to
/// `-o FILE` (`-o -`: standard output), and records the export in the timeline.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an incident's postmortem draft (markdown) or its JSON export."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .incident, completion: .incidentID)
    var incident: String

    @Option(
        name: .shortAndLong,
        help:
            "Where to write; - for standard output (default: postmortem.md or postmortem.json in the incident's directory)."
    )
    var output: String?

    @Option(help: "markdown (the postmortem draft) or json (the whole incident for other tools).")
    var format: PostmortemFile.Format = .markdown

    @Flag(name: .customLong("no-diagram"), help: "Leave the Mermaid gantt chart out of the markdown draft.")
    var noDiagram = false

    func run() throws {
        let localizer = global.localizer()
        let location = try global.resolveIncident(incident)
        let events = try global.readIncident(location).events
        let written = try PostmortemFile.write(
            location, events: events,
            runbook: global.runbookLookup(withoutThem: localizer.tr("cli.export.without_runbooks")), format: format,
            includeDiagram: !noDiagram,
            destination: output.map(OutputDestination.init), actor: global.actorName(), now: Date(),
            localizer: localizer,
            clock: ZoneClock(zone: .current)
        )
        // On standard output the document is the output; the path line would end up inside it.
        if written.path != "-" { print(written.path) }
    }
}
