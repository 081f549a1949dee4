import Alerts
import ArgumentParser
import Foundation
import IncidentModel
import RunbookKit

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

/// An incident's start from an alert: the runbook the alert is for, the severity its label maps to, and the events
/// that record the alert right after the opening.
struct AlertStart {
    /// The runbook to open.
    let runbook: Runbook
    /// The alert as the journal records it.
    let record: AlertRecord
    /// The severity the alert's label maps to, when it maps.
    let severity: Severity?

    /// The events written with the opening: the alert, and the impact's start when the alert says when it began.
    func followingEvents(actor: String) -> [NewEvent] {
        var events = [NewEvent(actor: actor, kind: .alertAttached(record))]
        if let startsAt = record.startsAt {
            events.append(NewEvent(actor: actor, kind: .milestone(.impactStarted), occurredAt: startsAt))
        }
        return events
    }

    /// The start the options ask for, or an error that says what to fix.
    static func resolve(_ options: AlertOptions, catalog: Catalog, standardInput: () -> [UInt8]) throws -> AlertStart {
        if options.alert != nil, options.alertJSON != nil {
            throw usageError("give --alert NAME or --alert-json FILE, not both")
        }
        let alert: Alert
        let source: String
        var groupKey: String?
        if let name = options.alert {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw usageError("--alert needs a name") }
            alert = Alert(labels: ["alertname": name])
            source = "name"
        } else if let file = options.alertJSON {
            let batch = try readPayload(file, standardInput: standardInput)
            alert = try choose(among: batch.distinctAlerts, fingerprint: options.fingerprint, file: file)
            source = batch.source.rawValue
            groupKey = batch.groupKey
        } else {
            throw usageError("give --alert NAME or --alert-json FILE")
        }
        let matcher = AlertRunbookMatcher(targets: catalog.alertTargets())
        let id: String
        switch matcher.match(alert) {
        case .runbook(let found, _):
            id = found
        case .ambiguous(let ids):
            throw CLIError(
                "alert \(alert.name) matches \(ids.count) runbooks: \(ids.joined(separator: ", ")); "
                    + "start one of them by id (respond start ID), or give the alert a runbook_url annotation")
        case .none(let closest):
            let hint = closest.isEmpty ? "" : "; the closest runbooks are \(closest.joined(separator: ", "))"
            throw CLIError(
                "no runbook names the alert \(alert.name) in its Detection section\(hint); "
                    + "start one by id (respond start ID) or add the alert to the runbook's Detection section")
        }
        guard let runbook = catalog.runbook(id: id) else {
            throw CLIError("runbook \(id) cannot be opened; `respond lint` lists its problems")
        }
        let record = AlertRecord(
            name: alert.name, labels: alert.labels, annotations: alert.annotations, fingerprint: alert.fingerprint,
            startsAt: alert.startsAt, generatorURL: alert.generatorURL, groupKey: groupKey, source: source)
        return AlertStart(
            runbook: runbook, record: record,
            severity: AlertSeverityMapping(overrides: try catalog.alertSeverityOverrides()).severity(of: alert))
    }

    private static func readPayload(_ file: String, standardInput: () -> [UInt8]) throws -> AlertBatch {
        let bytes: [UInt8]
        if file == "-" {
            bytes = standardInput()
        } else {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw CLIError("cannot read the alert payload \(file): no such file, or not readable")
            }
            defer { try? handle.close() }
            bytes = Array((try? handle.read(upToCount: AlertPayload.sizeLimit + 1)) ?? Data())
        }
        do {
            return try AlertPayload.decode(bytes)
        } catch {
            throw CLIError("\(file == "-" ? "standard input" : file): \(error.description)")
        }
    }

    private static func choose(among alerts: [Alert], fingerprint: String?, file: String) throws -> Alert {
        if let fingerprint {
            let wanted = fingerprint.lowercased()
            let matching = alerts.filter { ($0.fingerprint ?? "").lowercased().hasPrefix(wanted) }
            guard matching.count == 1, let only = matching.first else {
                throw CLIError(
                    (matching.isEmpty ? "no alert" : "\(matching.count) alerts")
                        + " of the payload match the fingerprint \(fingerprint): " + listing(alerts))
            }
            return only
        }
        let names = Set(alerts.map(\.name))
        guard alerts.count == 1 || names.count == 1, let first = alerts.first else {
            throw usageError(
                "the payload holds \(alerts.count) different alerts; choose one with --fingerprint: " + listing(alerts))
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

/// Reads standard input up to one byte past the payload limit, so an endless stream is refused, not held.
func boundedStandardInput() -> [UInt8] {
    Array((try? FileHandle.standardInput.read(upToCount: AlertPayload.sizeLimit + 1)) ?? Data())
}
