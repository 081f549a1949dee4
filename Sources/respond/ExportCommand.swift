import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import Postmortem
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
        // The library is looked up once an event names a runbook, so that a journal that cannot be opened is the only
        // complaint.
        let lookup = RunbookMemo { global.runbookLookup(withoutThem: localizer.tr("cli.export.without_runbooks")) }
        let destination = output.map(OutputDestination.init)
        let written: (path: String, recorded: [Event])
        // Either export is read from the files as it is written, so that a long incident is never held whole: a
        // first read folds the events (and tallies the adherence report), a second writes them.
        switch format {
        case .json:
            let (events, fold) = try global.readIncidentEvents(
                location, into: ExportFold(lookup: lookup.runbook)
            ) { fold, event in fold.add(event) }
            written = try PostmortemFile.writeJSON(
                location, events: events, fold: fold, destination: destination, actor: global.actorName(), now: Date(),
                localizer: localizer)
        case .markdown:
            let (events, fold) = try global.readIncidentEvents(
                location, into: DraftFold(lookup: lookup.runbook)
            ) { fold, event in fold.add(event) }
            written = try PostmortemFile.writeMarkdown(
                location, events: events, fold: fold, runbook: lookup.runbook, includeDiagram: !noDiagram,
                destination: destination, actor: global.actorName(), now: Date(), localizer: localizer,
                clock: ZoneClock(zone: .current))
        }
        // On standard output the document is the output; the path line would end up inside it.
        if written.path != "-" { print(written.path) }
    }
}
