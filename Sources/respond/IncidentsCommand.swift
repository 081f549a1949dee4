import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

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
        let listing: IncidentListing
        do {
            listing = try global.incidentStore().list()
        } catch {
            throw CLIError(error.description)
        }
        for unreadable in listing.unreadable { printWarning("incident \(unreadable)") }
        let shown = listing.incidents.filter { all || !$0.closed }
        if json {
            print(try jsonText(shown))
        } else if shown.isEmpty {
            print(all ? "no incidents" : "no open incidents")
        } else {
            print(table(shown, now: Date()))
        }
    }

    private func table(_ incidents: [IncidentSummary], now: Date) -> String {
        let rows = incidents.map { incident in
            [
                oneLine(incident.id), incident.severity.rawValue,
                incident.closed ? "closed" : incident.status.rawValue,
                shortDuration(now.timeIntervalSince(incident.openedAt)),
                oneLine(incident.title) + (incident.drill ? " (drill)" : ""),
            ]
        }
        let header = ["ID", "SEV", "STATUS", "AGE", "TITLE"]
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[4]
        }.joined(separator: "\n")
    }

    private func jsonText(_ incidents: [IncidentSummary]) throws -> String {
        let objects: [[String: Any]] = incidents.map { incident in
            [
                "id": incident.id, "title": incident.title, "severity": incident.severity.rawValue,
                "status": incident.status.rawValue, "runbook": incident.runbook, "drill": incident.drill,
                "closed": incident.closed, "openedAt": JournalTime.string(from: incident.openedAt),
                "lastEventAt": JournalTime.string(from: incident.lastEventAt), "events": incident.eventCount,
                "journal": incident.journalPath,
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
        return terminalSafeJSON(String(decoding: data, as: UTF8.self))
    }
}
