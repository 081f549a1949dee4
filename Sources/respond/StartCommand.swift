import ArgumentParser
import Foundation
import IncidentModel
import Localization
import RunbookKit

/// `respond start RUNBOOK`: opens an incident and walks it in the guide; with `--detach`, only opens it and
/// prints its id.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open an incident on a runbook and walk it in the guide (--detach: print its id)."
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var commands: CommandOptions

    @Argument(help: "The runbook the incident starts on.", completion: .runbookID)
    var runbook: String

    @Flag(help: "Create the incident without opening the guide; print its id.")
    var detach = false

    @Option(help: "The incident's title (default: the runbook's title).")
    var title: String?

    @Option(help: "P0, P1, P2 or P3 (default: the runbook's severity, else P2).")
    var severity: String?

    @Flag(help: "Mark the incident as a drill.")
    var drill = false

    @Option(help: "The incident id (default: UTC time and runbook, e.g. 20261127T0020Z-high-cpu-usage).")
    var id: String?

    func run() throws {
        let localizer = global.localizer()
        let typedSeverity = try severity.map { try parseSeverity($0, localizer) }
        guard detach else {
            try InteractiveStart.run(
                runbook: runbook, title: title, severity: typedSeverity, drill: drill, id: id, options: global,
                commands: commands)
            return
        }
        let catalog = try global.loadCatalog()
        let chosen: Runbook
        do {
            chosen = try catalog.resolve(runbook)
        } catch {
            throw CLIError(error.description(in: localizer))
        }
        let chosenSeverity = typedSeverity ?? catalog.severity(of: chosen.id) ?? .p2
        do {
            let opened = try global.incidentStore().open(
                runbook: chosen.id, title: title ?? chosen.title, severity: chosenSeverity, drill: drill,
                actor: global.actorName(), id: id, now: Date()
            )
            print(opened.location.id)
        } catch {
            throw CLIError(errorText(error, localizer))
        }
    }
}

/// A severity as typed, `P1` or `p1`, or a usage error listing the valid ones in the words of `localizer`.
func parseSeverity(_ text: String, _ localizer: Localizer) throws -> Severity {
    guard let severity = Severity(rawValue: text.uppercased()) else {
        throw usageError(localizer.tr("cli.severity.unknown", ["value": text]))
    }
    return severity
}
