import ArgumentParser
import Foundation
import IncidentModel
import RunbookKit

/// `respond export ID`: writes the postmortem draft (or the JSON export) next to the incident's journal, or to
/// `-o FILE`, and records the export in the timeline.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an incident's postmortem draft (markdown) or its JSON export."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .incident)
    var incident: String

    @Option(
        name: .shortAndLong,
        help: "Where to write (default: postmortem.md or postmortem.json in the incident's directory).")
    var output: String?

    @Option(help: "markdown (the postmortem draft) or json (the whole incident for other tools).")
    var format: PostmortemFile.Format = .markdown

    @Flag(name: .customLong("no-diagram"), help: "Leave the Mermaid gantt chart out of the markdown draft.")
    var noDiagram = false

    func run() throws {
        let location = try global.resolveIncident(incident)
        let events = try global.readIncident(location).events
        let written = try PostmortemFile.write(
            location, events: events,
            runbook: global.runbookLookup(withoutThem: "the export leaves out what the runbooks say"), format: format,
            includeDiagram: !noDiagram,
            path: output.map(absolute), actor: global.actorName(), now: Date()
        )
        print(written.path)
    }

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/") else { return expanded }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
    }
}
