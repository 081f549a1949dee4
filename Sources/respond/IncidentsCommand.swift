import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import RunbookKit
import TerminalText

/// `respond incidents`: the open incidents (and with `--all` the closed ones), most recently active first.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "List open incidents with severity, status and age."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Include closed incidents.")
    var all = false

    @Flag(help: "Print JSON for other tools.")
    var json = false

    func run() throws {
        let localizer = global.localizer()
        let listing: IncidentListing
        do {
            listing = try global.incidentStore().list()
        } catch {
            throw CLIError(errorText(error, localizer))
        }
        for unreadable in listing.unreadable {
            printWarning(localizer.tr("cli.incidents.unreadable", ["incident": unreadable.description]), localizer)
        }
        let shown = listing.incidents.filter { all || !$0.closed }
        if json {
            print(try jsonText(shown))
        } else if shown.isEmpty {
            print(all ? localizer.tr("cli.incidents.none") : localizer.tr("cli.incidents.none_open"))
        } else {
            print(table(shown, now: Date(), localizer))
        }
    }

    /// The table, its columns aligned by display width so that Chinese headers and titles line up.
    private func table(_ incidents: [IncidentSummary], now: Date, _ localizer: Localizer) -> String {
        let rows = incidents.map { incident in
            [
                oneLine(incident.id), incident.severity.rawValue,
                incident.closed ? localizer.tr("cli.incidents.closed") : Self.status(incident.status, localizer),
                localizer.duration(seconds: now.timeIntervalSince(incident.openedAt)),
                oneLine(incident.title) + (incident.drill ? localizer.tr("cli.incidents.drill") : ""),
            ]
        }
        let header = [
            localizer.tr("cli.incidents.header.id"), localizer.tr("cli.incidents.header.severity"),
            localizer.tr("cli.incidents.header.status"), localizer.tr("cli.incidents.header.age"),
            localizer.tr("cli.incidents.header.title"),
        ]
        let widths = (0..<4).map { column in ([header] + rows).map { displayWidth(of: $0[column]) }.max() ?? 0 }
        return ([header] + rows).map { row in
            (0..<4).map { padded(row[$0], to: widths[$0]) }.joined(separator: "  ") + "  " + row[4]
        }.joined(separator: "\n")
    }

    /// A status as the table says it.
    private static func status(_ status: IncidentStatus, _ localizer: Localizer) -> String {
        switch status {
        case .investigating: localizer.tr("cli.incidents.status.investigating")
        case .identified: localizer.tr("cli.incidents.status.identified")
        case .mitigated: localizer.tr("cli.incidents.status.mitigated")
        case .resolved: localizer.tr("cli.incidents.status.resolved")
        }
    }

    private func jsonText(_ incidents: [IncidentSummary]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(incidents.map(IncidentJSON.init))
        return terminalSafeJSON(String(decoding: data, as: UTF8.self))
    }
}

/// One incident of `respond incidents --json`.
private struct IncidentJSON: Encodable {
    let id: String
    let title: String
    let severity: String
    let status: String
    let runbook: String
    let drill: Bool
    let closed: Bool
    let openedAt: String
    let lastEventAt: String
    let events: Int
    let journal: String

    init(_ incident: IncidentSummary) {
        id = incident.id
        title = incident.title
        severity = incident.severity.rawValue
        status = incident.status.rawValue
        runbook = incident.runbook
        drill = incident.drill
        closed = incident.closed
        openedAt = JournalTime.string(from: incident.openedAt)
        lastEventAt = JournalTime.string(from: incident.lastEventAt)
        events = incident.eventCount
        journal = incident.journalPath
    }
}
