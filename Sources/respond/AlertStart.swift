import Alerts
import ArgumentParser
import FoundationEssentials
import Glibc
import GuideUI
import IncidentModel
import Localization
import RunbookKit
import TerminalText

/// The options that start an incident from an alert instead of a runbook id.
struct AlertOptions: ParsableArguments {
    @Option(help: "Start from the alert of this name: the runbook whose Detection section names it.")
    var alert: String?

    @Option(
        name: .customLong("alert-json"),
        help:
            "Start from an Alertmanager payload in FILE (- for standard input): a webhook, an API v2 list or one alert."
    )
    var alertJSON: String?

    @Option(help: "Which alert of a payload with several (its fingerprint, or a unique start of it).")
    var fingerprint: String?

    /// Whether an alert was given at all.
    var given: Bool { alert != nil || alertJSON != nil }
}

/// An incident's start from an alert: the runbook the alert is for, the severity its label maps to, and the alert
/// as the journal records it (its events are `AlertRecord.openingEvents`, which the guide writes too).
struct AlertStart {
    /// The runbook to open.
    let runbook: Runbook
    /// The alert as the journal records it.
    let record: AlertRecord
    /// The severity the alert's label maps to, when it maps.
    let severity: Severity?

    /// The start the options ask for, or an error that says what to fix.
    static func resolve(
        _ options: AlertOptions, catalog: Catalog, localizer: Localizer, standardInput: () -> [UInt8]
    ) throws -> AlertStart {
        if options.alert != nil, options.alertJSON != nil {
            throw usageError(localizer.tr("cli.alert.both_given"))
        }
        let alert: Alert
        let source: String
        var groupKey: String?
        if let name = options.alert {
            guard !name.trimmingScalars(in: .whitespaces).isEmpty else {
                throw usageError(localizer.tr("cli.alert.empty_name"))
            }
            alert = Alert(labels: ["alertname": name])
            source = "name"
        } else if let file = options.alertJSON {
            let batch = try readPayload(file, localizer: localizer, standardInput: standardInput)
            alert = try choose(
                among: batch.distinctAlerts, in: batch, fingerprint: options.fingerprint, localizer: localizer)
            source = batch.source.rawValue
            groupKey = batch.groupKey
        } else {
            throw usageError(localizer.tr("cli.alert.none_given"))
        }
        let matcher = AlertRunbookMatcher(targets: catalog.alertTargets())
        let id: String
        switch matcher.match(alert) {
        case .runbook(let found, _):
            id = found
        case .ambiguous(let ids):
            throw CLIError(
                localizer.tr(
                    "cli.alert.ambiguous",
                    ["alert": alert.name, "count": String(ids.count), "runbooks": ids.joined(separator: ", ")]))
        case .none(let closest):
            throw CLIError(
                closest.isEmpty
                    ? localizer.tr("cli.alert.no_runbook", ["alert": alert.name])
                    : localizer.tr(
                        "cli.alert.no_runbook_closest",
                        ["alert": alert.name, "closest": closest.joined(separator: ", ")]))
        }
        guard let runbook = catalog.runbook(id: id) else {
            throw CLIError(localizer.tr("cli.alert.runbook_unreadable", ["runbook": id]))
        }
        return AlertStart(
            runbook: runbook, record: AlertRecord(alert, source: source, groupKey: groupKey),
            severity: AlertSeverityMapping(overrides: try catalog.alertSeverityOverrides(localizer)).severity(of: alert)
        )
    }

    private static func readPayload(
        _ file: String, localizer: Localizer, standardInput: () -> [UInt8]
    ) throws -> AlertBatch {
        let bytes: [UInt8]
        if file == "-" {
            bytes = standardInput()
        } else {
            let fd = open(file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw CLIError(localizer.tr("cli.alert.payload_unreadable", ["file": file])) }
            defer { close(fd) }
            bytes = FileDescriptorReading.read(fd, upTo: AlertPayload.sizeLimit + 1)
        }
        do {
            return try AlertPayload.decode(bytes)
        } catch {
            let source = file == "-" ? localizer.tr("cli.alert.standard_input") : file
            throw CLIError(localizer.tr("cli.alert.payload_invalid", ["source": source, "problem": error.description]))
        }
    }

    private static func choose(
        among alerts: [Alert], in batch: AlertBatch, fingerprint: String?, localizer: Localizer
    ) throws -> Alert {
        if let fingerprint {
            let wanted = fingerprint.lowercased()
            let matching = alerts.filter { ($0.fingerprint ?? "").lowercased().hasPrefix(wanted) }
            guard matching.count == 1, let only = matching.first else {
                throw CLIError(
                    localizer.tr(
                        "cli.alert.fingerprint_matches",
                        ["count": String(matching.count), "fingerprint": fingerprint, "alerts": listing(alerts)]))
            }
            return only
        }
        let names = Set(alerts.map(\.name))
        guard alerts.count == 1 || names.count == 1, let first = alerts.first else {
            throw SeveralAlerts(
                alerts: alerts, batch: batch,
                usage: usageError(
                    localizer.tr("cli.alert.several", ["count": String(alerts.count), "alerts": listing(alerts)])))
        }
        // Several firings of one alert (one per pod, say) are one incident; the first is the one recorded.
        return first
    }

    private static func listing(_ alerts: [Alert]) -> String {
        alerts.map { alert in
            let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "\(alert.fingerprint ?? "(no fingerprint)") \(alert.name){\(labels)}"
        }.joined(separator: "; ")
    }
}

/// A payload of several different alerts and no `--fingerprint`: in a terminal the guide asks which one; elsewhere
/// it is the usage error `usage`, which lists their fingerprints.
struct SeveralAlerts: Error {
    /// The payload's different alerts.
    let alerts: [Alert]
    /// The payload they came in.
    let batch: AlertBatch
    /// The error without a terminal to ask in.
    let usage: ValidationError

    /// The guide's picker of these alerts, each with the runbook it maps to in `catalog` and its severity, carrying
    /// the command line's title, severity, drill and id to the incident it starts.
    func choice(
        catalog: Catalog, localizer: Localizer, title: String?, severity: Severity?, drill: Bool, id: String?
    ) throws -> AlertChoice {
        let mapping = try AlertMapping(catalog: catalog, localizer: localizer)
        return AlertChoice(
            alerts: alerts.map(mapping.listed), source: batch.source.rawValue, groupKey: batch.groupKey, title: title,
            severity: severity,
            drill: drill, id: id)
    }
}

/// Reads standard input up to one byte past the payload limit, so an endless stream is refused, not held.
func boundedStandardInput() -> [UInt8] {
    StandardStream.readInput(upTo: AlertPayload.sizeLimit + 1)
}
