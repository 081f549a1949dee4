import FoundationEssentials

/// An alert that stopped firing while its incident was walked.
public struct ResolvedAlertRecord: Hashable, Sendable {
    /// The `alertname` label.
    public var name: String
    /// Alertmanager's fingerprint, when known.
    public var fingerprint: String?
    /// When Alertmanager says the alert ended, when it says.
    public var endedAt: Date?
    /// Who recorded it and when.
    public var stamp: Stamp

    /// A record from its parts.
    public init(name: String, fingerprint: String?, endedAt: Date?, stamp: Stamp) {
        self.name = name
        self.fingerprint = fingerprint
        self.endedAt = endedAt
        self.stamp = stamp
    }
}

/// The alert an incident was opened from, as the journal keeps it: what Alertmanager said of it when the incident
/// started, so the postmortem can name it and measure detection from when it began firing.
public struct AlertRecord: Hashable, Sendable {
    /// The `alertname` label.
    public var name: String
    /// Every label of the alert.
    public var labels: [String: String]
    /// Every annotation of the alert.
    public var annotations: [String: String]
    /// Alertmanager's fingerprint of the alert, when given.
    public var fingerprint: String?
    /// When the alert started firing, when given.
    public var startsAt: Date?
    /// The link to the rule's expression in Prometheus.
    public var generatorURL: String?
    /// The webhook's group key, when the alert came in a webhook payload.
    public var groupKey: String?
    /// Where the alert came from: `webhook`, `api-list`, `single` (a payload's shape), `alertmanager` (read from
    /// an Alertmanager's API) or `name` (only its name was given).
    public var source: String

    /// A record from its parts.
    public init(
        name: String, labels: [String: String] = [:], annotations: [String: String] = [:], fingerprint: String? = nil,
        startsAt: Date? = nil, generatorURL: String? = nil, groupKey: String? = nil, source: String
    ) {
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.fingerprint = fingerprint
        self.startsAt = startsAt
        self.generatorURL = generatorURL
        self.groupKey = groupKey
        self.source = source
    }
}
