import AlertmanagerClient
import Alerts
import ArgumentParser
import FoundationEssentials
import Localization
import RunbookKit

/// `respond alerts`: the alerts firing now on an Alertmanager, each with the runbook it maps to.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List the alerts firing now on an Alertmanager, with the runbook each maps to."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The Alertmanager's address, e.g. http://alertmanager:9093 (default: $RESPOND_ALERTMANAGER).")
    var alertmanager: String?

    @Flag(help: "Print the alerts as JSON.")
    var json = false

    @Flag(help: "Include silenced and inhibited alerts.")
    var all = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let localizer = global.localizer()
        guard let address = alertmanager ?? environment["RESPOND_ALERTMANAGER"].flatMap({ $0.isEmpty ? nil : $0 })
        else { throw usageError(localizer.tr("cli.alerts.no_address")) }
        let alerts: [Alert]
        do {
            alerts = try AlertmanagerClient(address: address).firingAlerts(includeSuppressed: all)
        } catch {
            throw CLIError(errorText(error, localizer))
        }
        let (matcher, mapping) = runbookMatching(localizer)
        let now = Date()
        let rows = alerts.sorted { ($0.startsAt ?? now, $0.name) < ($1.startsAt ?? now, $1.name) }.map { alert in
            FiringAlert(
                alert: alert, runbook: matcher.map { runbookID($0.match(alert)) } ?? nil,
                severity: mapping.severity(of: alert), now: now)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(terminalSafeJSON(String(decoding: try encoder.encode(rows), as: UTF8.self)))
            return
        }
        guard !rows.isEmpty else {
            print(localizer.tr("cli.alerts.none_firing", ["address": address]))
            return
        }
        for row in rows {
            let labels = row.labels.filter { $0.key != "alertname" && $0.key != "severity" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print(
                oneLine(
                    padded(row.name, to: 28) + " " + padded(row.severity ?? "-", to: 3) + " "
                        + padded(localizer.duration(seconds: row.ageSeconds ?? 0), to: 9) + " "
                        + padded(row.runbook ?? localizer.tr("cli.alerts.no_runbook"), to: 28) + " " + labels))
        }
    }

    /// A matcher over the library's runbooks and its severity mapping; without a library, alerts map to none.
    private func runbookMatching(_ localizer: Localizer) -> (AlertRunbookMatcher?, AlertSeverityMapping) {
        do {
            let catalog = try global.loadCatalog()
            return (
                AlertRunbookMatcher(targets: catalog.alertTargets()),
                AlertSeverityMapping(overrides: try catalog.alertSeverityOverrides(localizer))
            )
        } catch {
            printWarning(localizer.tr("cli.alerts.without_runbooks", ["problem": "\(error)"]), localizer)
            return (nil, AlertSeverityMapping())
        }
    }

    private func runbookID(_ match: AlertRunbookMatcher.Match) -> String? {
        if case .runbook(let id, _) = match { return id }
        return nil
    }
}

/// One firing alert as `respond alerts --json` prints it: every key always present, `null` where unknown, so a
/// script can tell an alert without a runbook from a missing field.
struct FiringAlert: Encodable {
    let name: String
    let fingerprint: String?
    let severity: String?
    let severityLabel: String?
    let runbook: String?
    let startsAt: Date?
    let ageSeconds: Double?
    let labels: [String: String]
    let annotations: [String: String]
    let generatorURL: String?

    init(alert: Alert, runbook: String?, severity: Severity?, now: Date) {
        name = alert.name
        fingerprint = alert.fingerprint
        self.severity = severity?.rawValue
        severityLabel = alert.severityLabel
        self.runbook = runbook
        startsAt = alert.startsAt
        ageSeconds = alert.startsAt.map { max(0, now.timeIntervalSince($0).rounded()) }
        labels = alert.labels
        annotations = alert.annotations
        generatorURL = alert.generatorURL
    }

    private enum Key: String, CodingKey {
        case name, fingerprint, severity, severityLabel, runbook, startsAt, ageSeconds, labels, annotations,
            generatorURL
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(severity, forKey: .severity)
        try container.encode(severityLabel, forKey: .severityLabel)
        try container.encode(runbook, forKey: .runbook)
        try container.encode(startsAt, forKey: .startsAt)
        try container.encode(ageSeconds, forKey: .ageSeconds)
        try container.encode(labels, forKey: .labels)
        try container.encode(annotations, forKey: .annotations)
        try container.encode(generatorURL, forKey: .generatorURL)
    }
}
