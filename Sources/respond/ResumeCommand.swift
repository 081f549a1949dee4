import ArgumentParser
import FoundationEssentials
import GuideUI
import IncidentModel
import IncidentStore
import Localization

/// `respond resume [ID]`: reopens the walkthrough of an incident that is still open.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Reopen the walkthrough of an incident (default: the most recently active open incident)."
    )

    @OptionGroup var options: GlobalOptions

    @OptionGroup var commands: CommandOptions

    @OptionGroup var alerts: AlertmanagerOption

    @OptionGroup var sync: SyncOption

    @Argument(help: .incident, completion: .incidentID)
    var incident: String?

    func run() throws {
        let localizer = options.localizer()
        let store = options.incidentStore()
        let location: IncidentLocation
        do {
            if let incident {
                location = try store.resolve(incident)
            } else {
                let listing = try store.list()
                guard let latest = listing.incidents.first(where: { !$0.closed }) else {
                    let unreadable = listing.unreadable.map {
                        localizer.tr("cli.resume.unreadable", ["incident": $0.description])
                    }.joined()
                    throw CLIError(
                        localizer.tr(
                            "cli.resume.none_open", ["directory": store.incidentsDirectory, "unreadable": unreadable]))
                }
                location = store.location(of: latest.id)
            }
        } catch let error as IncidentStoreError {
            throw CLIError(GlobalOptions.explained(error, in: store, localizer))
        }
        let reference = location == store.location(of: location.id) ? location.id : location.journalPath
        try InteractiveGuide.run(
            .resume(id: reference), options: options, commands: commands, alerts: alerts, sync: sync)
    }
}
