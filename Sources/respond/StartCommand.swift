import ArgumentParser
import FoundationEssentials
import Glibc
import GuideUI
import IncidentModel
import IncidentStore
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

    @Argument(
        help: "The runbook the incident starts on (leave out with --alert or --alert-json).", completion: .runbookID)
    var runbook: String?

    @OptionGroup var alert: AlertOptions

    @OptionGroup var alerts: AlertmanagerOption

    @OptionGroup var sync: SyncOption

    @Flag(help: "Create the incident without opening the guide; print its id.")
    var detach = false

    @Option(help: "The incident's title (default: the runbook's title).")
    var title: String?

    @Option(help: "P0, P1, P2 or P3 (default: the alert's severity label, else the runbook's severity, else P2).")
    var severity: String?

    @Flag(help: "Mark the incident as a drill.")
    var drill = false

    @Option(help: "The incident id (default: UTC time and runbook, e.g. 20261127T0020Z-high-cpu-usage).")
    var id: String?

    func run() throws {
        let localizer = global.localizer()
        if alert.given {
            try startFromAlert()
            return
        }
        guard let runbook else {
            throw usageError(localizer.tr("cli.start.no_runbook"))
        }
        let typedSeverity = try severity.map { try parseSeverity($0, localizer) }
        guard detach else {
            try InteractiveStart.run(
                runbook: runbook, title: title, severity: typedSeverity, drill: drill, id: id, options: global,
                commands: commands, alerts: alerts, sync: sync)
            return
        }
        let catalog = try global.loadCatalog()
        let chosen: Runbook
        do {
            chosen = try catalog.resolve(runbook)
        } catch {
            throw CLIError(error.description(in: localizer))
        }
        try requireStartable(chosen, localizer)
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

    /// Opens the incident on the runbook the alert is for, with the alert and its start in the journal, then walks
    /// it in the guide (or, with `--detach`, prints its id).
    private func startFromAlert() throws {
        let localizer = global.localizer()
        if runbook != nil { throw usageError(localizer.tr("cli.start.runbook_and_alert")) }
        let catalog = try global.loadCatalog()
        let typedSeverity = try severity.map { try parseSeverity($0, localizer) }
        let start: AlertStart
        do {
            start = try AlertStart.resolve(
                alert, catalog: catalog, localizer: localizer, standardInput: boundedStandardInput)
        } catch let several as SeveralAlerts {
            // Asking which one needs the terminal; without one, the error lists the fingerprints to choose by.
            guard !detach, isatty(STDOUT_FILENO) == 1, (try? TerminalInput.takeBack(after: alert)) != nil else {
                throw several.usage
            }
            let choice = try several.choice(
                catalog: catalog, localizer: localizer, title: title, severity: typedSeverity, drill: drill, id: id)
            try InteractiveGuide.run(
                .chooseAlert(choice), options: global, commands: commands, alerts: alerts,
                sync: sync)
            return
        }
        try requireStartable(start.runbook, localizer)
        if !detach { try TerminalInput.takeBack(after: alert, localizer) }
        let chosenSeverity = typedSeverity ?? start.severity ?? catalog.severity(of: start.runbook.id) ?? .p2
        let actor = global.actorName()
        let opened: IncidentLocation
        do {
            opened = try global.incidentStore().open(
                runbook: start.runbook.id,
                title: title ?? start.record.incidentTitle(runbookTitle: start.runbook.title),
                severity: chosenSeverity, drill: drill, actor: actor, id: id,
                following: start.record.openingEvents(actor: actor), now: Date()
            ).location
        } catch {
            throw CLIError(errorText(error, localizer))
        }
        guard detach else {
            try InteractiveGuide.run(
                .resume(id: opened.id), options: global, commands: commands, alerts: alerts,
                sync: sync)
            return
        }
        print(opened.id)
    }
}

/// A severity as typed, `P1` or `p1`, or a usage error listing the valid ones in the words of `localizer`.
func parseSeverity(_ text: String, _ localizer: Localizer) throws -> Severity {
    guard let severity = Severity(rawValue: text.uppercased()) else {
        throw usageError(localizer.tr("cli.severity.unknown", ["value": text]))
    }
    return severity
}
