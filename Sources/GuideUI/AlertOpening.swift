import Alerts
import FoundationEssentials
import IncidentModel

extension AlertRecord {
    /// The record of an alert an incident opens from: what Alertmanager said of it, the payload's group key when
    /// it came in a webhook, and where it came from (`AlertRecord.source`).
    public init(_ alert: Alert, source: String, groupKey: String? = nil) {
        self.init(
            name: alert.name, labels: alert.labels, annotations: alert.annotations, fingerprint: alert.fingerprint,
            startsAt: alert.startsAt, generatorURL: alert.generatorURL, groupKey: groupKey, source: source)
    }

    /// The events written right after the opening of an incident started from this alert: the alert, and the
    /// impact's start when the alert says when it began firing. `respond start --alert…` and Enter on an alert in
    /// the catalog both record these.
    public func openingEvents(actor: String) -> [NewEvent] {
        var events = [NewEvent(actor: actor, kind: .alertAttached(self))]
        if let startsAt {
            events.append(NewEvent(actor: actor, kind: .milestone(.impactStarted), occurredAt: startsAt))
        }
        return events
    }

    /// The title of an incident opened from this alert on a runbook of this title.
    public func incidentTitle(runbookTitle: String) -> String {
        "\(name): \(runbookTitle)"
    }
}
